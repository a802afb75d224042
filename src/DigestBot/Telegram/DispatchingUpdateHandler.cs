using DigestBot.Conversation;
using DigestBot.Telegram.Diagnostics;
using DigestBot.Telegram.Receiving;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram;

/// <summary>Hands each received update to the dispatcher, with replies going back through the Bot API; counts what became of it.</summary>
public sealed class DispatchingUpdateHandler(Dispatcher dispatcher, TelegramReplies replies, UpdateActivity activity, TelegramMetrics metrics) : IUpdateHandler
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        activity.Received();
        var outcome = UpdateOutcome.Failed;
        try
        {
            outcome = await dispatcher.DispatchAsync(update, replies, cancellationToken);
        }
        finally
        {
            metrics.UpdateHandled(update, outcome);
        }
    }
}
