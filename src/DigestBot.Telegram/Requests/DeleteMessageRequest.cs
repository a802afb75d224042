using System.Text.Json.Serialization;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram.Requests;

/// <summary>deleteMessage: deletes a message.</summary>
public sealed record DeleteMessageRequest(ChatId ChatId, int MessageId) : BotRequest<bool>("deleteMessage")
{
    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
