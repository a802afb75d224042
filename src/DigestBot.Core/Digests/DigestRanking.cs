using DigestBot.Core.Articles;

namespace DigestBot.Core.Digests;

/// <summary>How candidates are ordered within a digest: the reader's language first, then a score of recency, topic match
/// and summary quality.</summary>
public static class DigestRanking
{
    /// <summary>A story's weight halves every this many hours before the window's end.</summary>
    public const double HalfLifeHours = 12;

    /// <summary>Items from one source at most, while other sources have stories left.</summary>
    public const int MaxPerSource = 2;

    private const double TopicWeight = 0.2;
    private const double GoodSummaryBonus = 0.3;
    private const double MissingSummaryPenalty = 0.5;
    private const double OddTitlePenalty = 0.2;
    private const int MinGoodSummary = 60;
    private const int MaxGoodSummary = 700;
    private const int MinTitle = 15;
    private const int MaxTitle = 250;

    /// <summary>Higher is better; the reader's language is not part of it, the composer puts it before any score.</summary>
    public static double Score(DigestCandidate candidate, DigestPreferences preferences, DigestWindow window)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(preferences);
        var hours = Math.Max(0, (window.To - candidate.Time).TotalHours);
        var score = Math.Pow(0.5, hours / HalfLifeHours);

        if (preferences.Topics.Count > 0)
        {
            score += TopicWeight * candidate.Topics.Count(preferences.Topics.Contains) / preferences.Topics.Count;
        }

        var summary = candidate.Summary.Trim().Length;
        score += summary switch
        {
            0 => -MissingSummaryPenalty,
            >= MinGoodSummary and <= MaxGoodSummary => GoodSummaryBonus,
            _ => 0,
        };

        var title = candidate.Title.Trim().Length;
        return title is < MinTitle or > MaxTitle ? score - OddTitlePenalty : score;
    }

    /// <summary>True when the reader can read the summary shown.</summary>
    public static bool IsInReaderLanguage(DigestCandidate candidate, Language reader) => candidate.SummaryLanguage == reader;

    /// <summary>Picks at most <paramref name="maxItems"/> of <paramref name="ranked"/>, keeping their order, with no more than
    /// <see cref="MaxPerSource"/> from one source unless too few other sources are left to fill the digest.</summary>
    public static List<T> Diversify<T>(IReadOnlyList<T> ranked, Func<T, string?> source, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(source);
        var picked = new List<int>(maxItems);
        var perSource = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ranked.Count && picked.Count < maxItems; i++)
        {
            var name = source(ranked[i])?.Trim() ?? "";
            var count = perSource.GetValueOrDefault(name);
            if (name.Length == 0 || count < MaxPerSource)
            {
                perSource[name] = count + 1;
                picked.Add(i);
            }
        }

        for (var i = 0; i < ranked.Count && picked.Count < maxItems; i++)
        {
            if (!picked.Contains(i))
            {
                picked.Add(i);
            }
        }

        picked.Sort();
        return [.. picked.Select(i => ranked[i])];
    }
}
