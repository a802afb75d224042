using DigestBot.Core.Articles;

namespace DigestBot.Storage;

/// <summary>A news feed the bot polls by itself, with what it learned at the last fetch.</summary>
public sealed class Source
{
    public long Id { get; set; }

    /// <summary>The feed's address as the maintainer gave it.</summary>
    public required string Url { get; set; }

    public string? Name { get; set; }

    /// <summary><c>rss</c>, <c>atom</c> or <c>jsonfeed</c>, known after the first successful read.</summary>
    public string? Kind { get; set; }

    /// <summary>How often to poll; null takes <c>Sources:PollInterval</c>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>The language of its articles when known in advance; null detects it per article.</summary>
    public Language? Language { get; set; }

    /// <summary>Topic ids given to every article of the source, comma-separated.</summary>
    public string Topics { get; set; } = "";

    /// <summary>Listed in <c>seeds/sources.json</c>: the file, not the verb, decides whether it stays.</summary>
    public bool FromSeeds { get; set; }

    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>When the poller takes it next; null is due at once.</summary>
    public DateTimeOffset? NextPollAt { get; set; }

    /// <summary>Articles this source added to the store.</summary>
    public int ItemsStored { get; set; }

    public IReadOnlyList<string> TopicList => Topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
