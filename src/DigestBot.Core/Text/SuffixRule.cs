namespace DigestBot.Core.Text;

/// <summary>One ending a suffix-stripping stemmer may remove, with an optional letter that must precede it.</summary>
internal readonly record struct SuffixRule(string Suffix, string? After = null)
{
    /// <summary>Sorts rules longest first, so the first match is the longest one, as Snowball's <c>among</c> picks.</summary>
    public static SuffixRule[] LongestFirst(IEnumerable<SuffixRule> rules) =>
        [.. rules.OrderByDescending(rule => rule.Suffix.Length)];

    /// <summary>The longest rule whose suffix ends <paramref name="word"/> and starts at or after <paramref name="limit"/>.</summary>
    public static int FindLongest(ReadOnlySpan<char> word, int limit, SuffixRule[] rules)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var suffix = rules[i].Suffix;
            if (word.Length - suffix.Length >= limit && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
