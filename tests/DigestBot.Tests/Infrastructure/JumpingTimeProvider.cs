namespace DigestBot.Tests.Infrastructure;

/// <summary>A clock that runs at real speed from a chosen moment and jumps ahead on <see cref="JumpTo"/>: a whole host keeps
/// its pace (polling, timeouts) while the test moves the date, and timers due by the jump fire at once.</summary>
internal sealed class JumpingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<JumpingTimer> timers = [];
    private TimeSpan offset = start - System.GetUtcNow();

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return System.GetUtcNow() + offset;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void JumpTo(DateTimeOffset moment)
    {
        List<JumpingTimer> due;
        lock (gate)
        {
            offset += moment - GetUtcNow();
            due = [.. timers.Where(t => t.DueAt <= moment)];
        }

        due.ForEach(t => t.FireNow());
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new JumpingTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>A real timer that also remembers when it is due on the jumping clock.</summary>
    private sealed class JumpingTimer : ITimer
    {
        private readonly JumpingTimeProvider clock;
        private readonly ITimer real;
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public JumpingTimer(JumpingTimeProvider clock, TimerCallback callback, object? state)
        {
            this.clock = clock;
            real = System.CreateTimer(
                s =>
                {
                    DueAt = period == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + period;
                    callback(s);
                },
                state,
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            this.period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + dueTime;
            return real.Change(dueTime, period);
        }

        public void FireNow() => real.Change(TimeSpan.Zero, period);

        public void Dispose()
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
            }

            real.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
