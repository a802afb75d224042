namespace DigestBot.Storage;

/// <summary>A chat's daily digest: when it comes, in which time zone, and what it covers.</summary>
public sealed class Subscription
{
    public long ChatId { get; set; }

    /// <summary>The local time of day the digest comes at.</summary>
    public TimeOnly Time { get; set; }

    /// <summary>An IANA zone id, or a fixed offset such as "UTC+05:00".</summary>
    public required string TimeZone { get; set; }

    /// <summary>Topic ids separated by spaces; empty for all topics.</summary>
    public string Topics { get; set; } = "";

    /// <summary>Keyword filters as the reader gave them, normalized: "+word -word".</summary>
    public string Filters { get; set; } = "";

    /// <summary>False while the bot cannot post there (blocked, removed); the schedule resumes when it can.</summary>
    public bool Active { get; set; } = true;

    /// <summary>The admin who set up a group's or channel's digest; null for a private chat's own.</summary>
    public long? ManagedBy { get; set; }

    /// <summary>The end of the window the last digest covered; the next covers what came after it.</summary>
    public DateTimeOffset? LastWindowEnd { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> TopicIds => Topics.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
