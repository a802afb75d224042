using System.Text.Json.Serialization;
using DigestBot.Telegram.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>A message in a chat or a post in a channel.</summary>
public sealed record Message
{
    public required int MessageId { get; init; }

    public User? From { get; init; }

    public required Chat Chat { get; init; }

    [JsonConverter(typeof(UnixTimeJsonConverter))]
    public required DateTimeOffset Date { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<MessageEntity>? Entities { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    /// <summary>Set on the service message sent when a group becomes a supergroup with this new id.</summary>
    public long? MigrateToChatId { get; init; }
}
