namespace DigestBot.Core.Digests;

/// <summary>Composes a digest from the candidate articles: window, language, topics and filter, then ranking, one item per
/// story, source diversity and the cap.</summary>
public static class DigestComposer
{
    // Near duplicates are looked for among the best candidates only (this many per item shown, further down when they
    // tell too few stories, never more than MaxPool): the rest would never be shown, and comparing all would be quadratic.
    private const int PoolPerItem = 8;
    private const int MinPool = 50;
    private const int MaxPool = 200;

    /// <summary>The digest for <paramref name="preferences"/> over <paramref name="window"/>, or null when no article is
    /// new in it (the host then sends nothing).</summary>
    public static Digest? Compose(IEnumerable<DigestCandidate> candidates, DigestPreferences preferences, DigestWindow window)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentOutOfRangeException.ThrowIfLessThan(preferences.MaxItems, 1);

        var ranked = Rank(candidates, preferences, window);
        var poolSize = Math.Max(MinPool, preferences.MaxItems * PoolPerItem);
        var groups = new StoryGroups();
        var pooled = 0;
        foreach (var candidate in ranked)
        {
            if (pooled >= MaxPool || (pooled >= poolSize && groups.Count >= preferences.MaxItems))
            {
                break;
            }

            var terms = StoryFingerprint.TermsOf(candidate);
            if (preferences.Filter.Matches(terms))
            {
                groups.Add(StoryFingerprint.Of(candidate, terms));
                pooled++;
            }
        }

        var stories = groups.Groups.Select(group => Item(group, preferences)).ToList();
        var items = DigestRanking.Diversify(stories, item => item.Article.Source, preferences.MaxItems);
        return items.Count == 0 ? null : new Digest(DigestKey.For(preferences, window), window, items);
    }

    private static List<DigestCandidate> Rank(IEnumerable<DigestCandidate> candidates, DigestPreferences preferences, DigestWindow window)
    {
        var topics = preferences.Topics.ToHashSet(StringComparer.Ordinal);
        var eligible = new List<(DigestCandidate Candidate, bool Readable, double Score)>();
        foreach (var candidate in candidates)
        {
            var readable = DigestRanking.IsInReaderLanguage(candidate, preferences.Language);
            if (window.Contains(candidate)
                && (readable || preferences.AllLanguages)
                && (topics.Count == 0 || candidate.Topics.Any(topics.Contains)))
            {
                eligible.Add((candidate, readable, DigestRanking.Score(candidate, preferences, window)));
            }
        }

        eligible.Sort(static (a, b) =>
        {
            var order = b.Readable.CompareTo(a.Readable);
            order = order != 0 ? order : b.Score.CompareTo(a.Score);
            order = order != 0 ? order : b.Candidate.Time.CompareTo(a.Candidate.Time);
            return order != 0 ? order : a.Candidate.Id.CompareTo(b.Candidate.Id);
        });
        return [.. eligible.Select(e => e.Candidate)];
    }

    // The article shown for a story: one the reader can read, with a summary, the first report, the fuller one, with a link.
    private static DigestItem Item(IReadOnlyList<StoryFingerprint> group, DigestPreferences preferences)
    {
        var best = group.Select(f => f.Candidate)
            .OrderByDescending(c => DigestRanking.IsInReaderLanguage(c, preferences.Language))
            .ThenByDescending(c => c.Summary.Length > 0)
            .ThenBy(c => c.Time)
            .ThenByDescending(c => c.Summary.Length)
            .ThenByDescending(c => c.Url is not null && c.Source is not null)
            .ThenBy(c => c.Id)
            .First();
        return new DigestItem(best, [.. group.Select(f => f.Candidate).Where(c => c != best)]);
    }
}
