namespace DigestBot.TelegramHost;

/// <summary>When the last update came in, whichever way it was received; the health report shows it.</summary>
public sealed class UpdateActivity(TimeProvider time)
{
    private long lastTicks;

    /// <summary>When the last update came in, or null before the first one since the start.</summary>
    public DateTimeOffset? LastReceivedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref lastTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void Received() => Interlocked.Exchange(ref lastTicks, time.GetUtcNow().UtcTicks);
}
