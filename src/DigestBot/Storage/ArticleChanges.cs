namespace DigestBot.Storage;

/// <summary>Counts the changes this process commits to the articles (imports, polled feeds, retention), so that lists
/// read from them can be kept until the next change (<see cref="ReadCache{TKey, TValue}"/>).</summary>
public sealed class ArticleChanges
{
    private long version;

    /// <summary>Moves on after every committed change; an answer read under an older value is out of date.</summary>
    public long Version => Volatile.Read(ref version);

    /// <summary>Called once a change is committed.</summary>
    public void Changed() => Interlocked.Increment(ref version);
}
