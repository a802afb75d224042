using System.Runtime.InteropServices;

namespace DigestBot.Core.Conversation;

/// <summary>What becomes of a command under the flood limit.</summary>
public enum FloodVerdict
{
    /// <summary>Within the limit: answer it.</summary>
    Allow,

    /// <summary>The first one over the limit: say once to slow down.</summary>
    SlowDown,

    /// <summary>Over the limit and already told: drop it until the window is over.</summary>
    Ignore,
}

/// <summary>Counts each sender's commands in a window that opens with its first one: past the limit the sender is
/// told once to slow down, then ignored until the window is over.</summary>
/// <remarks>A window per sender rather than one clock-aligned minute for all: nobody's count resets early because
/// another chat started earlier. Windows that are over are dropped once a window, so memory holds only the senders
/// of the last window or two.</remarks>
public sealed class FloodLimiter
{
    private readonly Dictionary<(long Chat, long Sender), Window> windows = [];
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private DateTimeOffset nextSweep;

    /// <param name="limit">Commands allowed per window; 0 turns the limit off.</param>
    public FloodLimiter(int limit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Limit = limit;
        WindowLength = window;
        this.time = time;
        nextSweep = time.GetUtcNow() + window;
    }

    public int Limit { get; }

    public TimeSpan WindowLength { get; }

    /// <summary>How many senders have a window open or not yet swept.</summary>
    public int Tracked
    {
        get
        {
            lock (gate)
            {
                return windows.Count;
            }
        }
    }

    /// <summary>Counts one command of <paramref name="sender"/> in <paramref name="chat"/> and tells what to do with it.</summary>
    /// <param name="sender">Who is counted within the chat; the same value for everyone counts the chat as a whole.</param>
    public FloodVerdict Check(long chat, long sender)
    {
        if (Limit == 0)
        {
            return FloodVerdict.Allow;
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (now >= nextSweep)
            {
                Sweep(now);
            }

            ref var window = ref CollectionsMarshal.GetValueRefOrAddDefault(windows, (chat, sender), out var exists);
            if (!exists || now >= window.Ends)
            {
                window = new Window(now + WindowLength, 1);
                return FloodVerdict.Allow;
            }

            // Counting stops one past the warning, so a sender that never lets up cannot overflow the count.
            if (window.Count <= Limit + 1)
            {
                window.Count++;
            }

            return window.Count <= Limit ? FloodVerdict.Allow
                : window.Count == Limit + 1 ? FloodVerdict.SlowDown
                : FloodVerdict.Ignore;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in windows)
        {
            if (now >= window.Ends)
            {
                windows.Remove(key);
            }
        }

        nextSweep = now + WindowLength;
    }

    private struct Window(DateTimeOffset ends, int count)
    {
        public DateTimeOffset Ends = ends;
        public int Count = count;
    }
}
