using System.Diagnostics.Metrics;
using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>Counters of the Bot API client and the update receivers, on the meter the whole bot shares.</summary>
public sealed class TelegramMetrics
{
    /// <summary>The one meter of the bot; a meter factory hands every part the same instance for this name.</summary>
    public const string MeterName = "DigestBot";

    private readonly Counter<long> updates;
    private readonly Counter<long> messagesSent;
    private readonly Counter<long> apiErrors;
    private readonly Counter<long> floodWaits;

    public TelegramMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        updates = meter.CreateCounter<long>("digestbot.updates.handled", "{update}", "Updates received, by type and outcome (handled, ignored, failed, duplicate).");
        messagesSent = meter.CreateCounter<long>("digestbot.telegram.messages.sent", "{message}", "Messages sent or edited in chats through the Bot API, by method.");
        apiErrors = meter.CreateCounter<long>("digestbot.telegram.api.errors", "{error}", "Bot API calls refused with an error, by method and error code.");
        floodWaits = meter.CreateCounter<long>("digestbot.telegram.flood.waits", "{wait}", "Flood limits (429) sat out before the call was repeated.");
    }

    /// <summary>The update kind as the Bot API names it in allowed_updates; "other" for one that did not read.</summary>
    public static string TypeOf(Update? update) => update switch
    {
        { Message: not null } => "message",
        { EditedMessage: not null } => "edited_message",
        { ChannelPost: not null } => "channel_post",
        { CallbackQuery: not null } => "callback_query",
        { MyChatMember: not null } => "my_chat_member",
        _ => "other",
    };

    public void UpdateHandled(Update? update, UpdateOutcome outcome) => UpdateHandled(update, Label(outcome));

    /// <summary>Counts an update with an outcome of the host's own, such as a chat held back by its flood limit.</summary>
    public void UpdateHandled(Update? update, string outcome) =>
        updates.Add(1, new("type", TypeOf(update)), new("outcome", outcome));

    public void MessageSent(string method) => messagesSent.Add(1, new KeyValuePair<string, object?>("method", method));

    public void ApiError(string method, int errorCode) => apiErrors.Add(1, new("method", method), new("code", errorCode));

    public void FloodWait() => floodWaits.Add(1);

    /// <summary>The outcome as the counter's label writes it, such as "duplicate".</summary>
    public static string Label(UpdateOutcome outcome) => outcome switch
    {
        UpdateOutcome.Handled => "handled",
        UpdateOutcome.Ignored => "ignored",
        UpdateOutcome.Failed => "failed",
        UpdateOutcome.Duplicate => "duplicate",
        UpdateOutcome.Unreadable => "unreadable",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>What became of a received update, as counted by <see cref="TelegramMetrics.UpdateHandled(Update?, UpdateOutcome)"/>.</summary>
public enum UpdateOutcome
{
    /// <summary>A handler answered it.</summary>
    Handled,

    /// <summary>Nothing was asked of the bot: an edit, a channel post, text in a group.</summary>
    Ignored,

    /// <summary>Its handler failed.</summary>
    Failed,

    /// <summary>A redelivery of an update already handled, dropped unseen.</summary>
    Duplicate,

    /// <summary>An update whose JSON could not be read, confirmed and dropped.</summary>
    Unreadable,
}
