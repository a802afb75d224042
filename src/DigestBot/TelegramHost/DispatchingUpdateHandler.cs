using DigestBot.Conversation;
using DigestBot.Telegram;
using Telegram.Bot.Types;

namespace DigestBot.TelegramHost;

/// <summary>Hands each received update to the dispatcher, with replies going back through the Bot API; counts what became of it.</summary>
public sealed class DispatchingUpdateHandler(Dispatcher dispatcher, TelegramReplies replies, UpdateActivity activity, TelegramMetrics metrics) : IUpdateHandler
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        activity.Received();
        var outcome = DispatchOutcome.Failed;
        try
        {
            outcome = await dispatcher.DispatchAsync(update, replies, cancellationToken);
        }
        finally
        {
            metrics.UpdateHandled(update, Label(outcome));
        }
    }

    private static string Label(DispatchOutcome outcome) => outcome switch
    {
        DispatchOutcome.Handled => TelegramMetrics.Label(UpdateOutcome.Handled),
        DispatchOutcome.Ignored => TelegramMetrics.Label(UpdateOutcome.Ignored),
        DispatchOutcome.Limited => "limited",
        _ => TelegramMetrics.Label(UpdateOutcome.Failed),
    };
}
