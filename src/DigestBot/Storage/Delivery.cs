namespace DigestBot.Storage;

/// <summary>One scheduled digest to one chat, written before it is sent and completed after: a window is sent at most once.</summary>
public sealed class Delivery
{
    public long Id { get; set; }

    public long ChatId { get; set; }

    /// <summary>The end of the window the digest covers: the time it was scheduled for. One delivery per chat and window end.</summary>
    public DateTimeOffset WindowEnd { get; set; }

    public DeliveryState State { get; set; }

    /// <summary>The Telegram message ids of the parts sent, separated by spaces.</summary>
    public string MessageIds { get; set; } = "";

    /// <summary>Why it failed or was interrupted.</summary>
    public string? Error { get; set; }

    /// <summary>The bot process that claimed it: its scheduler instance id, which is unique among the running processes.</summary>
    /// <remarks>A delivery left <see cref="DeliveryState.Sending"/> is settled only once this process is gone.</remarks>
    public string Node { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>Recorded before the first message went out; left behind only when the bot stopped mid-send.</summary>
    Sending,

    Sent,

    Failed,

    /// <summary>Found in <see cref="Sending"/> after its process stopped: perhaps sent, perhaps not, and never sent again.</summary>
    Interrupted,
}
