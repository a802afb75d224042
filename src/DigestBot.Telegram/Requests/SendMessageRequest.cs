using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>sendMessage: sends a text message.</summary>
public sealed record SendMessageRequest(ChatId ChatId, string Text) : BotRequest<Message>("sendMessage")
{
    public ParseMode? ParseMode { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }

    public ReplyParameters? ReplyParameters { get; init; }

    [JsonIgnore]
    internal override ChatId? RateLimitChat => ChatId;
}
