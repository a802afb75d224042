using System.Text.Json.Serialization;
namespace DigestBot.Telegram.Requests;

/// <summary>deleteWebhook: switches the bot back to getUpdates.</summary>
public sealed record DeleteWebhookRequest() : BotRequest<bool>("deleteWebhook")
{
    public bool? DropPendingUpdates { get; init; }

    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
