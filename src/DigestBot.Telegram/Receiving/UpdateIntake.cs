using Microsoft.Extensions.Logging;

namespace DigestBot.Telegram;

/// <summary>
/// What a receiver, polling or webhook, does with each update it got: one handled already is skipped, one that does not
/// read is confirmed and skipped (else Telegram would send it forever), the rest go to the handler, whose failure costs
/// only that update. One receiver uses it at a time.
/// </summary>
/// <param name="receiver">How log lines name the receiver, such as "update poller".</param>
public sealed partial class UpdateIntake(string receiver, IUpdateOffsetStore offsetStore, IUpdateHandler handler, TelegramMetrics metrics, ILogger logger)
{
    private readonly HandledUpdates handled = new(offsetStore);

    /// <summary>The highest id handled, or null before the first one; polling asks for the updates after it.</summary>
    public Task<long?> LastAsync(CancellationToken cancellationToken) => handled.LastAsync(cancellationToken);

    /// <summary>Handles <paramref name="incoming"/> unless it was handled already, then records it as handled.</summary>
    public async Task TakeAsync(IncomingUpdate incoming, CancellationToken cancellationToken)
    {
        // Telegram delivers again what it was not told about: a poll after a crash, a webhook call it saw no answer to.
        if (await handled.ContainsAsync(incoming.Id, cancellationToken))
        {
            LogSkipped(logger, incoming.Id);
            metrics.UpdateHandled(incoming.Update, UpdateOutcome.Duplicate);
            return;
        }

        if (incoming.Update is not { } update)
        {
            LogUnreadable(logger, receiver, incoming.Id, incoming.ReadError ?? "no reason given");
            metrics.UpdateHandled(null, UpdateOutcome.Unreadable);
        }
        else
        {
            try
            {
                await handler.HandleAsync(update, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One bad update must not block the ones behind it; it counts as handled.
                LogHandlerFailed(logger, receiver, incoming.Id, exception.Message, exception);
            }
        }

        await handled.AddAsync(incoming.Id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} skipped: it was already handled")]
    private static partial void LogSkipped(ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Receiver}: update {UpdateId} skipped: unable to read it: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string receiver, long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Receiver}: unable to handle update {UpdateId}: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string receiver, long updateId, string reason, Exception exception);
}
