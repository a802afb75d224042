using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>
/// What a receiver, polling or webhook, does with each update it got: one handled already (or being handled) is skipped,
/// one that does not read is confirmed and skipped (else Telegram would send it forever), the rest go to the handler,
/// whose failure costs only that update.
/// </summary>
/// <remarks>
/// Updates of different chats are handled at the same time, up to <c>maxInFlight</c>; one chat's updates wait for each
/// other and are handled in the order they were taken, so a reader's commands are answered in the order sent. An update
/// is recorded as handled (the stored id a restart goes on from) only once it and every update taken before it are done:
/// a slow update is never skipped over by a crash. One receiver uses it, taking updates one call at a time.
/// </remarks>
/// <param name="receiver">How log lines name the receiver, such as "update poller".</param>
/// <param name="maxInFlight">Updates being handled at once at most; <see cref="TakeAsync"/> waits for a free place.</param>
public sealed partial class UpdateIntake(
    string receiver, IUpdateOffsetStore offsetStore, IUpdateHandler handler, TelegramMetrics metrics, ILogger logger, int maxInFlight = 1)
{
    private readonly HandledUpdates handled = new(offsetStore);
    private readonly SemaphoreSlim places = new(maxInFlight, maxInFlight);

    // Guarded by the lock on itself: the updates taken and not yet recorded, in the order taken, and each chat's last one.
    private readonly LinkedList<Taken> taken = [];
    private readonly HashSet<long> takenIds = [];
    private readonly Dictionary<long, Task> lastOfChat = [];

    // One recording at a time: HandledUpdates is not for concurrent use.
    private readonly SemaphoreSlim recording = new(1, 1);

    /// <summary>The highest id recorded as handled, or null before the first one; polling asks for the updates after it.</summary>
    public async Task<long?> LastAsync(CancellationToken cancellationToken)
    {
        await recording.WaitAsync(cancellationToken);
        try
        {
            return await handled.LastAsync(cancellationToken);
        }
        finally
        {
            recording.Release();
        }
    }

    /// <summary>
    /// Starts handling <paramref name="incoming"/> unless it was handled already or is being handled, and returns once it
    /// has a place: it runs after its chat's earlier updates, holding that place while it waits for them;
    /// <see cref="DrainAsync"/> waits for the end.
    /// </summary>
    /// <param name="cancellationToken">Cuts short the handling of the updates taken, as at a shutdown that cannot wait.</param>
    public async Task TakeAsync(IncomingUpdate incoming, CancellationToken cancellationToken)
    {
        // Telegram delivers again what it was not told about: a poll after a crash, a webhook call it saw no answer to.
        if (await IsTakenOrHandledAsync(incoming.Id, cancellationToken))
        {
            LogSkipped(logger, incoming.Id);
            metrics.UpdateHandled(incoming.Update, UpdateOutcome.Duplicate);
            return;
        }

        await places.WaitAsync(cancellationToken);
        var entry = new Taken(incoming);
        lock (taken)
        {
            taken.AddLast(entry);
            takenIds.Add(incoming.Id);
            var chat = ChatOf(incoming.Update);
            var before = lastOfChat.GetValueOrDefault(chat, Task.CompletedTask);
            var run = RunAsync(entry, before, cancellationToken);
            lastOfChat[chat] = run;
            _ = run.ContinueWith(
                done =>
                {
                    lock (taken)
                    {
                        if (lastOfChat.TryGetValue(chat, out var last) && last == done)
                        {
                            lastOfChat.Remove(chat);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Waits until every update taken is handled and recorded.</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            Task[] running;
            lock (taken)
            {
                running = [.. lastOfChat.Values.Where(run => !run.IsCompleted)];
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running);
        }
    }

    /// <summary>Handles the update after its chat's earlier one, then records what is done. Never fails.</summary>
    private async Task RunAsync(Taken entry, Task before, CancellationToken cancellationToken)
    {
        await before;

        // The receiver goes on taking updates while this one is handled.
        await Task.Yield();
        var finished = false;
        try
        {
            finished = await HandleAsync(entry.Incoming, cancellationToken);
        }
        finally
        {
            places.Release();
        }

        if (finished)
        {
            lock (taken)
            {
                entry.Done = true;
            }

            await RecordDoneAsync(cancellationToken);
        }
    }

    /// <returns>False when cut short by <paramref name="cancellationToken"/>: such an update is not recorded as handled,
    /// nor any after it, and Telegram sends them again to the next start.</returns>
    private async Task<bool> HandleAsync(IncomingUpdate incoming, CancellationToken cancellationToken)
    {
        if (incoming.Update is not { } update)
        {
            LogUnreadable(logger, receiver, incoming.Id, incoming.ReadError ?? "no reason given");
            metrics.UpdateHandled(null, UpdateOutcome.Unreadable);
            return true;
        }

        try
        {
            await handler.HandleAsync(update, cancellationToken);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // One bad update must not block the ones behind it; it counts as handled.
            LogHandlerFailed(logger, receiver, incoming.Id, exception.Message, exception);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Records the updates done with nothing before them still running, with one write of the highest id.</summary>
    private async Task RecordDoneAsync(CancellationToken cancellationToken)
    {
        await recording.WaitAsync(CancellationToken.None);
        var ids = new List<long>();
        try
        {
            lock (taken)
            {
                while (taken.First is { Value.Done: true } first)
                {
                    ids.Add(first.Value.Incoming.Id);
                    takenIds.Remove(first.Value.Incoming.Id);
                    taken.RemoveFirst();
                }
            }

            await handled.AddAsync(ids, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The database may be away for a moment; the updates behind these still get their turn.
            LogRecordFailed(logger, receiver, string.Join(", ", ids), exception.Message, exception);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the store keeps the last id it got, and Telegram sends the rest again.
        }
        finally
        {
            recording.Release();
        }
    }

    private async Task<bool> IsTakenOrHandledAsync(long updateId, CancellationToken cancellationToken)
    {
        // Under the recording lock: an update moves from taken to handled there, and HandledUpdates takes one call at a time.
        await recording.WaitAsync(cancellationToken);
        try
        {
            lock (taken)
            {
                if (takenIds.Contains(updateId))
                {
                    return true;
                }
            }

            return await handled.ContainsAsync(updateId, cancellationToken);
        }
        finally
        {
            recording.Release();
        }
    }

    /// <summary>Whose updates must wait for each other: the chat's; a membership change goes with the private chat of the
    /// user who made it, who may go on there about the chat it concerns.</summary>
    private static long ChatOf(Update? update) => update switch
    {
        { Message.Chat.Id: var id } => id,
        { EditedMessage.Chat.Id: var id } => id,
        { ChannelPost.Chat.Id: var id } => id,
        { CallbackQuery: { } press } => press.Message?.Chat.Id ?? press.From.Id,
        { MyChatMember.From.Id: var id } => id,
        _ => 0,
    };

    private sealed class Taken(IncomingUpdate incoming)
    {
        public IncomingUpdate Incoming { get; } = incoming;

        /// <summary>Handled, to be recorded once every update before it is; set and read under the lock.</summary>
        public bool Done { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} skipped: it was already handled")]
    private static partial void LogSkipped(ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Receiver}: update {UpdateId} skipped: unable to read it: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string receiver, long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Receiver}: unable to handle update {UpdateId}: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string receiver, long updateId, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Receiver}: unable to record update {UpdateIds} as handled: {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, string receiver, string updateIds, string reason, Exception exception);
}
