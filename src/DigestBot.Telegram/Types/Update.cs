using System.Text.Json.Serialization;

namespace DigestBot.Telegram.Types;

/// <summary>An incoming update; at most one of the optional fields is set, and kinds not modelled here are left out.</summary>
public sealed record Update
{
    public required long UpdateId { get; init; }

    public Message? Message { get; init; }

    public Message? EditedMessage { get; init; }

    public Message? ChannelPost { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }

    public ChatMemberUpdated? MyChatMember { get; init; }

    /// <summary>Why the update could not be read, when it could not; it then carries only its id, to be confirmed and skipped.</summary>
    [JsonIgnore]
    public string? ReadError { get; init; }
}
