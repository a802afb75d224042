using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>editMessageReplyMarkup: replaces or, when <see cref="ReplyMarkup"/> is null, removes a message's inline keyboard.</summary>
public sealed record EditMessageReplyMarkupRequest(ChatId ChatId, int MessageId) : BotRequest<Message>("editMessageReplyMarkup")
{
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    // Edits are held to the same flood limits as new messages.
    [JsonIgnore]
    internal override ChatId? RateLimitChat => ChatId;

    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
