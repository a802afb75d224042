using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>Holds each send back until Telegram's flood limits allow it: overall, per chat, and per group or channel.</summary>
/// <remarks>
/// A send takes a permit from every limit it falls under and gives it back one window after its answer arrived.
/// The server counts a message at some moment between the request and the answer, so counting up to the answer keeps
/// the server's count within the limit however the network delays each request. On top of that the overall limit is
/// paced by a token bucket so that sends are spread evenly instead of leaving in bursts.
/// Waiters are served first come, first served among those whose chat may send now: a chat held back by its own
/// limits does not hold up the others.
/// </remarks>
public sealed class SendRateLimiter : IDisposable
{
    // Timers fire late, by tens of milliseconds on a busy machine; the bucket keeps what a late timer owes, up to this
    // much, so that the rate holds. The windows still bound what the server counts.
    private static readonly TimeSpan PacingSlack = TimeSpan.FromMilliseconds(50);

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly ITimer timer;
    private readonly Window global;
    private readonly long tokenInterval;
    private readonly long pacingSlack;
    private readonly int perGroupPerMinute;
    private readonly long chatSpacing;
    private readonly long groupWindow;
    // Keyed by id or lowercase username: Telegram.Bot's ChatId hashes its text form, too slow for every send.
    private readonly Dictionary<(long Id, string? Username), ChatLimits> chats = [];

    // Chats that may send now, by their first waiter's arrival, and chats waiting for their own limits, by when those pass.
    private readonly PriorityQueue<ChatLimits, long> ready = new();
    private readonly PriorityQueue<ChatLimits, long> delayed = new();

    // Quiet chats by when their last permit returns: then they are forgotten, which keeps memory bounded.
    private readonly PriorityQueue<ChatLimits, long> quiet = new();

    private long nextSequence;
    private long nextToken;
    private long pausedUntil;
    private long timerDue = long.MaxValue;
    private bool disposed;

    public SendRateLimiter(RateLimitOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GlobalPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PerChatPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PerGroupPerMinute);
        time = timeProvider;
        var second = timeProvider.TimestampFrequency;
        global = new Window(options.GlobalPerSecond, second);
        tokenInterval = second / options.GlobalPerSecond;
        pacingSlack = ToTimestamp(PacingSlack);
        chatSpacing = second / options.PerChatPerSecond;
        perGroupPerMinute = options.PerGroupPerMinute;
        groupWindow = 60 * second;
        nextToken = timeProvider.GetTimestamp() - pacingSlack;
        timer = timeProvider.CreateTimer(static state => ((SendRateLimiter)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Chats whose limits are still tracked: those with waiters or sends within their last window.</summary>
    internal int TrackedChats
    {
        get
        {
            lock (gate)
            {
                return chats.Count;
            }
        }
    }

    /// <summary>Waits until a message may go to <paramref name="chat"/>; dispose the lease once the answer has arrived.</summary>
    public async ValueTask<SendLease> AcquireAsync(ChatId chat, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var now = time.GetTimestamp();
            var key = KeyOf(chat);
            if (!chats.TryGetValue(key, out var limits))
            {
                limits = new ChatLimits(this, key, new Window(1, chatSpacing), IsGroup(chat) ? new Window(perGroupPerMinute, groupWindow) : null);
                chats.Add(key, limits);
            }

            waiter = new Waiter(limits, nextSequence++);
            limits.Waiters.Enqueue(waiter);
            if (!limits.Scheduled)
            {
                Schedule(limits, now);
            }

            Pump(now);
        }

        if (waiter.Task.IsCompleted)
        {
            return await waiter.Task;
        }

        await using (cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Limits.Owner.Cancel((Waiter)state!, token), waiter))
        {
            return await waiter.Task;
        }
    }

    /// <summary>Holds every send back for <paramref name="duration"/>, as Telegram asks after a flood limit was hit.</summary>
    /// <returns>Whether sending was flowing until now, as opposed to a pause already in force being extended.</returns>
    public bool Pause(TimeSpan duration)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            var started = pausedUntil <= now;
            pausedUntil = Math.Max(pausedUntil, now + ToTimestamp(duration));
            Pump(now);
            return started;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            timer.Dispose();
            foreach (var waiter in chats.Values.SelectMany(limits => limits.Waiters))
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(SendRateLimiter)));
            }
        }
    }

    internal void Release(ChatLimits limits)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            global.Return(now);
            limits.Return(now);
            if (!limits.Scheduled)
            {
                Schedule(limits, now);
            }

            Pump(now);
        }
    }

    // Usernames address public channels and supergroups; negative ids are groups, supergroups and channels.
    private static bool IsGroup(ChatId chat) => chat.Identifier is not { } id || id < 0;

    private static (long Id, string? Username) KeyOf(ChatId chat) =>
        chat.Identifier is { } id ? (id, null) : (0, chat.Username?.ToLowerInvariant());

    private void OnTimer()
    {
        lock (gate)
        {
            timerDue = long.MaxValue;
            if (!disposed)
            {
                Pump(time.GetTimestamp());
            }
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // A cancelled waiter stays queued until its chat comes up; the chat then skips it.
            waiter.TrySetCanceled(cancellationToken);
        }
    }

    // Puts a chat with waiters in the ready or the delayed line; one that has none, or waits for an answer, is in neither.
    private void Schedule(ChatLimits limits, long now)
    {
        limits.DropCancelled();
        if (limits.Waiters.Count == 0)
        {
            Forget(limits, now);
            return;
        }

        var availableAt = limits.AvailableAt(now);
        if (availableAt <= now)
        {
            ready.Enqueue(limits, limits.Waiters.Peek().Sequence);
        }
        else if (availableAt != long.MaxValue)
        {
            delayed.Enqueue(limits, availableAt);
        }
        else
        {
            return;
        }

        limits.Scheduled = true;
    }

    private void Pump(long now)
    {
        while (delayed.TryPeek(out var waiting, out var availableAt) && availableAt <= now)
        {
            delayed.Dequeue();
            waiting.Scheduled = false;
            Schedule(waiting, now);
        }

        while (ready.TryPeek(out var limits, out var sequence))
        {
            limits.DropCancelled();
            if (!limits.Waiters.TryPeek(out var first) || first.Sequence != sequence)
            {
                // Its first waiter gave up: the chat takes the place of the next one, or leaves the line.
                ready.Dequeue();
                limits.Scheduled = false;
                Schedule(limits, now);
                continue;
            }

            if (GlobalAvailableAt(now) > now)
            {
                break;
            }

            ready.Dequeue();
            limits.Scheduled = false;
            limits.Waiters.Dequeue();
            global.Take();
            limits.Take();
            nextToken = Math.Max(nextToken, now - pacingSlack) + tokenInterval;
            first.TrySetResult(new SendLease(this, limits));
            Schedule(limits, now);
        }

        ForgetQuietChats(now);
        ArmTimer(now);
    }

    private long GlobalAvailableAt(long now) => Math.Max(Math.Max(pausedUntil, nextToken), global.AvailableAt(now));

    private void ArmTimer(long now)
    {
        var due = delayed.TryPeek(out _, out var availableAt) ? availableAt : long.MaxValue;
        if (ready.Count > 0)
        {
            due = Math.Min(due, GlobalAvailableAt(now));
        }

        if (due == timerDue || disposed)
        {
            return;
        }

        timerDue = due;
        if (due == long.MaxValue)
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        // Rounded up to whole milliseconds, the timers' resolution, so that a timer never fires just before it is due.
        var delay = TimeSpan.FromMilliseconds(Math.Ceiling(time.GetElapsedTime(now, due).TotalMilliseconds));
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Forget(ChatLimits limits, long now)
    {
        if (limits.Scheduled || limits.Waiters.Count > 0 || limits.Active > 0)
        {
            return;
        }

        var quietAt = limits.QuietAt;
        if (quietAt > now)
        {
            quiet.Enqueue(limits, quietAt);
        }
        else if (chats.TryGetValue(limits.Chat, out var tracked) && tracked == limits)
        {
            chats.Remove(limits.Chat);
        }
    }

    private void ForgetQuietChats(long now)
    {
        while (quiet.TryPeek(out var limits, out var quietAt) && quietAt <= now)
        {
            quiet.Dequeue();
            if (limits.QuietAt <= now)
            {
                Forget(limits, now);
            }
        }
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    /// <summary>Up to a number of sends per window, each counted from the moment it is let through until one window after its answer.</summary>
    internal sealed class Window(int limit, long length)
    {
        // When the permits of answered sends come back, in order.
        private readonly Queue<long> returns = new();

        public int Active { get; private set; }

        public long LastReturn { get; private set; } = long.MinValue;

        // The moment a permit is free: now, when a returning permit comes back, or never while every permit is out with a send.
        public long AvailableAt(long now)
        {
            while (returns.TryPeek(out var returnsAt) && returnsAt <= now)
            {
                returns.Dequeue();
            }

            if (Active + returns.Count < limit)
            {
                return now;
            }

            return returns.TryPeek(out var next) ? next : long.MaxValue;
        }

        public void Take() => Active++;

        public void Return(long now)
        {
            Active--;
            LastReturn = now + length;
            returns.Enqueue(LastReturn);
        }
    }

    /// <summary>The limits of one chat and the sends waiting for it, first come first.</summary>
    internal sealed class ChatLimits
    {
        private readonly Window spacing;
        private readonly Window? group;

        internal ChatLimits(SendRateLimiter owner, (long Id, string? Username) chat, Window spacing, Window? group)
        {
            Owner = owner;
            Chat = chat;
            this.spacing = spacing;
            this.group = group;
        }

        public SendRateLimiter Owner { get; }

        public (long Id, string? Username) Chat { get; }

        public Queue<Waiter> Waiters { get; } = new();

        /// <summary>Whether the chat is in the ready or the delayed line.</summary>
        public bool Scheduled { get; set; }

        public int Active => spacing.Active;

        public long QuietAt => Math.Max(spacing.LastReturn, group?.LastReturn ?? long.MinValue);

        public long AvailableAt(long now) => group is null ? spacing.AvailableAt(now) : Math.Max(spacing.AvailableAt(now), group.AvailableAt(now));

        public void DropCancelled()
        {
            while (Waiters.TryPeek(out var first) && first.Task.IsCompleted)
            {
                Waiters.Dequeue();
            }
        }

        public void Take()
        {
            spacing.Take();
            group?.Take();
        }

        public void Return(long now)
        {
            spacing.Return(now);
            group?.Return(now);
        }
    }

    /// <summary>One send waiting for its turn; its task completes with the lease, or is cancelled.</summary>
    internal sealed class Waiter(ChatLimits limits, long sequence) : TaskCompletionSource<SendLease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public ChatLimits Limits { get; } = limits;

        public long Sequence { get; } = sequence;
    }
}
