using System.Collections.Concurrent;

namespace DigestBot.Storage;

/// <summary>
/// Answers read from the articles, kept until this process changes them (<see cref="ArticleChanges"/>) or for
/// <c>lifetime</c>, whichever comes first: another process (an <c>import</c> beside the bot, a second instance) may change
/// them too, and an answer that old is read again. Every reader asking the same thing gets the same answer, so one read
/// serves them all until then.
/// </summary>
/// <param name="capacity">Entries kept at most; past it the cache starts empty again, which costs only reads.</param>
public sealed class ReadCache<TKey, TValue>(ArticleChanges changes, TimeProvider time, TimeSpan lifetime, int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();

    /// <summary>The kept answer to <paramref name="key"/>, else what <paramref name="read"/> answers now, kept.</summary>
    public async Task<TValue> GetOrReadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        // The version is taken before reading: a change committed meanwhile leaves the answer already out of date.
        var version = changes.Version;
        var now = time.GetTimestamp();
        if (entries.TryGetValue(key, out var kept) && kept.Version == version && time.GetElapsedTime(kept.ReadAt, now) < lifetime)
        {
            return kept.Value;
        }

        var value = await read(key, cancellationToken);
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = new Entry(value, version, now);
        return value;
    }

    private sealed record Entry(TValue Value, long Version, long ReadAt);
}
