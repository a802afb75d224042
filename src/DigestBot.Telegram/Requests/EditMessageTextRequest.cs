using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>editMessageText: replaces the text of a message the bot sent.</summary>
public sealed record EditMessageTextRequest(ChatId ChatId, int MessageId, string Text) : BotRequest<Message>("editMessageText")
{
    public ParseMode? ParseMode { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }

    // Edits are held to the same flood limits as new messages.
    [JsonIgnore]
    internal override ChatId? RateLimitChat => ChatId;

    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
