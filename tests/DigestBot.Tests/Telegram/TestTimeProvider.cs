namespace DigestBot.Tests.Telegram;

/// <summary>A clock that moves only on <see cref="Advance"/> or, when auto-advancing, jumps to each timer's due time at once.</summary>
internal sealed class TestTimeProvider(bool autoAdvance) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TestTimer> _pending = [];
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every due time a timer was set to, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        List<TestTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _pending.Where(timer => timer.DueAt <= _now)];
            _pending.RemoveAll(due.Contains);
        }

        due.ForEach(timer => timer.FireLater());
    }

    // Task.Delay and Polly use one-shot timers, so a period is not modelled.
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TestTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(TestTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _delays.Add(dueTime);
            if (!autoAdvance)
            {
                timer.DueAt = _now + dueTime;
                _pending.Add(timer);
                return;
            }

            _now += dueTime;
        }

        timer.FireLater();
    }

    private void Cancel(TestTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    private sealed class TestTimer(TestTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private volatile bool _disposed;

        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime);
            return true;
        }

        // On the thread pool, as a real timer fires, so that the code awaiting it never runs inside Advance.
        public void FireLater() => ThreadPool.QueueUserWorkItem(_ =>
        {
            if (!_disposed)
            {
                callback(state);
            }
        });

        public void Dispose()
        {
            _disposed = true;
            clock.Cancel(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
