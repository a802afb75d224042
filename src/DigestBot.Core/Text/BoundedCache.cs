using System.Collections.Concurrent;

namespace DigestBot.Core.Text;

/// <summary>A cache of words shared by threads that empties itself once it holds <c>capacity</c> entries.</summary>
/// <remarks>It counts what it adds itself: asking a <see cref="ConcurrentDictionary{TKey,TValue}"/> for its count takes
/// every one of its locks, and an import asked at every unknown word, on both cores at once. The count may be off by the
/// few words added while another thread empties the cache, which only moves the bound by as many.</remarks>
internal sealed class BoundedCache(int capacity)
{
    private readonly ConcurrentDictionary<string, string> entries = new(StringComparer.Ordinal);
    private int count;

    public ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup => entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> and returns it.</summary>
    public string Add(string key, string value)
    {
        if (Volatile.Read(ref count) >= capacity)
        {
            entries.Clear();
            Volatile.Write(ref count, 0);
        }

        if (entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }

        return value;
    }
}
