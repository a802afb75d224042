using System.Text.Json.Serialization;
using System.Text;

namespace DigestBot.Telegram.Requests;

/// <summary>setWebhook: asks the Bot API to post updates to <see cref="Url"/>.</summary>
public sealed record SetWebhookRequest(string Url) : BotRequest<bool>("setWebhook")
{
    /// <summary>Sent back in the X-Telegram-Bot-Api-Secret-Token header of every webhook call.</summary>
    public string? SecretToken { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }

    public int? MaxConnections { get; init; }

    public bool? DropPendingUpdates { get; init; }

    // The secret token stays out of ToString so that logging a request cannot leak it.
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append($", Url = {Url}, MaxConnections = {MaxConnections}, DropPendingUpdates = {DropPendingUpdates}");
        return true;
    }

    [JsonIgnore]
    internal override bool ResultIsOptional => true;
}
