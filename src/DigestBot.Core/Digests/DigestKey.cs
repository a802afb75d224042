using DigestBot.Core.Articles;

namespace DigestBot.Core.Digests;

/// <summary>Everything a digest depends on: chats with equal keys get the same digest, so it is composed once for all of them.</summary>
/// <param name="Topics">Topic ids, distinct and in ordinal order.</param>
/// <param name="Filter">The canonical <see cref="DigestFilter.Display"/>.</param>
public sealed record DigestKey(
    Language Language,
    IReadOnlyList<string> Topics,
    string Filter,
    DateTimeOffset From,
    DateTimeOffset To,
    int MaxItems,
    bool AllLanguages)
{
    public static DigestKey For(DigestPreferences preferences, DigestWindow window)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return new DigestKey(
            preferences.Language,
            [.. preferences.Topics.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            preferences.Filter.Display,
            window.From,
            window.To,
            preferences.MaxItems,
            preferences.AllLanguages);
    }

    // Lists compare by reference in a record; two keys with the same topics must be equal.
    public bool Equals(DigestKey? other) =>
        other is not null
        && Language == other.Language
        && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal)
        && Filter == other.Filter
        && From == other.From
        && To == other.To
        && MaxItems == other.MaxItems
        && AllLanguages == other.AllLanguages;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Language);
        foreach (var topic in Topics)
        {
            hash.Add(topic, StringComparer.Ordinal);
        }

        hash.Add(Filter, StringComparer.Ordinal);
        hash.Add(From);
        hash.Add(To);
        hash.Add(MaxItems);
        hash.Add(AllLanguages);
        return hash.ToHashCode();
    }
}
