using System.Diagnostics;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Updates waiting for the bot, handed out by <see cref="FakeBotApi"/>'s getUpdates as Telegram does: from the
/// poll's offset on, each one again until a later offset confirms it; a poll with nothing to hand out waits for its timeout.</summary>
internal sealed class UpdateFeed
{
    private readonly Lock gate = new();
    private readonly List<(long Id, string Json)> pending = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastId;
    private long confirmed;

    public UpdateFeed(FakeBotApi api) => api.AnswerByDefault("getUpdates", AnswerAsync);

    /// <summary>The highest update id a poll's offset confirmed: the bot handled it and every one before it.</summary>
    public long Confirmed
    {
        get
        {
            lock (gate)
            {
                return confirmed;
            }
        }
    }

    /// <summary>Adds an update with the next id, written as is by <paramref name="json"/> from that id, and returns the id.</summary>
    public long Add(Func<long, string> json)
    {
        lock (gate)
        {
            var id = ++lastId;
            pending.Add((id, json(id)));
            Signal();
            return id;
        }
    }

    /// <summary>Waits until the bot has confirmed update <paramref name="updateId"/>, the way it does: by polling past it.</summary>
    /// <param name="stall">How long the bot may go without confirming anything new before it is taken to be stuck.</param>
    /// <param name="running">The bot's run, which must not end meanwhile.</param>
    public async Task WaitUntilConfirmedAsync(long updateId, TimeSpan stall, Task running)
    {
        var progress = -1L;
        var lastProgress = Stopwatch.StartNew();
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (confirmed >= updateId)
                {
                    return;
                }

                if (confirmed != progress)
                {
                    progress = confirmed;
                    lastProgress.Restart();
                }

                next = changed.Task;
            }

            var left = stall - lastProgress.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the bot confirmed no update for {stall} while waiting for update {updateId}; it confirmed {progress}");
            }

            if (await Task.WhenAny(next, Task.Delay(left), running) == running)
            {
                await running;
                throw new InvalidOperationException($"the bot stopped before confirming update {updateId}, at {Confirmed}");
            }
        }
    }

    private async Task<FakeAnswer> AnswerAsync(ReceivedRequest request, CancellationToken aborted)
    {
        var offset = request.Body["offset"]?.GetValue<long>() ?? 0;
        var limit = request.Body["limit"]?.GetValue<int>() ?? 100;
        using var held = new CancellationTokenSource(TimeSpan.FromSeconds(request.Body["timeout"]?.GetValue<int>() ?? 0));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(held.Token, aborted);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (offset - 1 > confirmed)
                {
                    confirmed = offset - 1;
                    pending.RemoveAll(update => update.Id <= confirmed);
                    Signal();
                }

                var batch = pending.Where(update => update.Id >= offset).Take(limit).Select(update => update.Json).ToList();
                if (batch.Count > 0 || either.IsCancellationRequested)
                {
                    return FakeAnswer.OkRaw($"[{string.Join(',', batch)}]");
                }

                next = changed.Task;
            }

            try
            {
                await next.WaitAsync(either.Token);
            }
            catch (OperationCanceledException)
            {
                // The poll's time is up, or the bot went away: an empty answer either way.
            }
        }
    }

    private void Signal()
    {
        var previous = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
