namespace DigestBot.Tests.Infrastructure;

/// <summary>The tests' one clock. It stands still and moves only on <see cref="Advance"/> or <see cref="JumpTo"/>; or,
/// auto-advancing, jumps to each timer's due time at once; or, <see cref="Running"/>, goes at real speed from a chosen
/// moment, so that a whole host keeps its pace (polling, timeouts) while the test moves the date.</summary>
/// <remarks>Timers due by a move fire at once, on the thread pool as real timers do, so the code awaiting them never runs
/// inside the move.</remarks>
internal sealed class TestClock : TimeProvider
{
    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private readonly bool autoAdvance;
    private readonly bool running;
    private readonly List<Timer> pending = [];
    private readonly List<TimeSpan> delays = [];

    // Standing still: the time itself; running: how far the clock is ahead of the system's.
    private DateTimeOffset now;
    private TimeSpan offset;

    /// <param name="autoAdvance">Whether each timer set moves the clock to its due time at once.</param>
    /// <param name="start">The moment the clock shows first; 1 January 2026, midnight UTC, by default.</param>
    public TestClock(bool autoAdvance, DateTimeOffset? start = null)
    {
        this.autoAdvance = autoAdvance;
        now = start ?? DefaultStart;
    }

    private TestClock(DateTimeOffset start)
    {
        running = true;
        offset = start - System.GetUtcNow();
    }

    /// <summary>Every due time a timer was set to, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (gate)
            {
                return [.. delays];
            }
        }
    }

    /// <summary>The timers set and not fired yet.</summary>
    public int PendingTimers
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>A clock at real speed from <paramref name="start"/>.</summary>
    public static TestClock Running(DateTimeOffset start) => new(start);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return running ? System.GetUtcNow() + offset : now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        List<Timer> due;
        lock (gate)
        {
            if (running)
            {
                offset += by;
            }
            else
            {
                now += by;
            }

            var at = running ? System.GetUtcNow() + offset : now;
            due = [.. pending.Where(timer => timer.DueAt <= at)];
            pending.RemoveAll(due.Contains);
        }

        due.ForEach(timer => timer.Fire());
    }

    /// <summary>Moves the clock forward to <paramref name="moment"/>.</summary>
    public void JumpTo(DateTimeOffset moment) => Advance(moment - GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(Timer timer, TimeSpan dueTime)
    {
        lock (gate)
        {
            pending.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            delays.Add(dueTime);
            if (running || !autoAdvance)
            {
                timer.DueAt = (running ? System.GetUtcNow() + offset : now) + dueTime;
                pending.Add(timer);
                return;
            }

            now += dueTime;
        }

        timer.Fire();
    }

    private void Cancel(Timer timer)
    {
        lock (gate)
        {
            pending.Remove(timer);
        }
    }

    /// <summary>A timer of the clock; when the clock runs, a real timer fires it at its due time as well.</summary>
    private sealed class Timer : ITimer
    {
        private readonly TestClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private readonly ITimer? real;
        private TimeSpan period = Timeout.InfiniteTimeSpan;
        private volatile bool disposed;

        public Timer(TestClock clock, TimerCallback callback, object? state)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            if (clock.running)
            {
                real = System.CreateTimer(_ => Elapse(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Task.Delay and Polly use one-shot timers, so a period is modelled only at real speed.
            this.period = period;
            clock.Schedule(this, dueTime);
            real?.Change(dueTime, Timeout.InfiniteTimeSpan);
            return true;
        }

        public void Fire()
        {
            if (real is not null)
            {
                real.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
                return;
            }

            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!disposed)
                {
                    callback(state);
                }
            });
        }

        public void Dispose()
        {
            disposed = true;
            clock.Cancel(this);
            real?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        // At real speed: the timer is due, by the system's time or by a jump; a periodic one is set again.
        private void Elapse()
        {
            clock.Cancel(this);
            if (disposed)
            {
                return;
            }

            if (period != Timeout.InfiniteTimeSpan)
            {
                Change(period, period);
            }

            callback(state);
        }
    }
}
