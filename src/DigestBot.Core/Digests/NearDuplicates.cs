namespace DigestBot.Core.Digests;

/// <summary>Tells whether two articles tell the same story, in one language or across Russian and Kazakh, and groups stories.</summary>
/// <remarks>
/// There is no translator, so across languages only what survives translation counts: numbers, names (compared by
/// <see cref="StoryFingerprint.NameKey"/>), Latin-script names and acronyms, and the time. Within one language the stemmed
/// words of title, summary and lead are compared too. Different stories on one topic share the topic's words and its
/// usual names; amounts, dates and the less usual names are what set them apart, so those weigh most.
/// </remarks>
public static class NearDuplicates
{
    /// <summary>Scores at or above this are one story.</summary>
    public const double Threshold = 0.5;

    /// <summary>Reports of one story appear within this time of each other; further apart they are a follow-up at most.</summary>
    public static readonly TimeSpan MaxApart = TimeSpan.FromHours(36);

    // Below this much shared evidence two short texts are not compared by proportion: a name and a day number are not a story.
    private const double MinSharedEvidence = 4;

    public static double Score(DigestCandidate first, DigestCandidate second) =>
        Score(StoryFingerprint.Of(first), StoryFingerprint.Of(second));

    /// <summary>How alike two stories are, from 0 (unrelated) to 1.</summary>
    public static double Score(StoryFingerprint first, StoryFingerprint second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if ((first.Candidate.Time - second.Candidate.Time).Duration() > MaxApart)
        {
            return 0;
        }

        var evidence = EvidenceScore(first, second);
        return first.Candidate.Language == second.Candidate.Language ? Math.Max(evidence, TermScore(first, second)) : evidence;
    }

    /// <summary>Groups fingerprints into stories, keeping the given order: each group lists its members in that order and
    /// groups come in the order of their first member.</summary>
    public static IReadOnlyList<IReadOnlyList<StoryFingerprint>> Group(IEnumerable<StoryFingerprint> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var groups = new StoryGroups();
        foreach (var story in stories)
        {
            groups.Add(story);
        }

        return groups.Groups;
    }

    // Weighted Dice over the evidence both texts carry; a hint shared with the other text counts on both sides.
    private static double EvidenceScore(StoryFingerprint first, StoryFingerprint second)
    {
        var shared = 0.0;
        var (firstTotal, secondTotal) = (first.EvidenceWeight, second.EvidenceWeight);
        foreach (var (key, weight) in first.Evidence)
        {
            if (second.Evidence.ContainsKey(key))
            {
                shared += weight;
            }
            else if (second.Hints.ContainsKey(key))
            {
                shared += weight;
                secondTotal += weight;
            }
        }

        foreach (var (key, weight) in first.Hints)
        {
            if (second.Evidence.ContainsKey(key))
            {
                shared += weight;
                firstTotal += weight;
            }
            else if (second.Hints.ContainsKey(key))
            {
                shared += weight;
                firstTotal += weight;
                secondTotal += weight;
            }
        }

        return shared < MinSharedEvidence ? 0 : 2 * shared / (firstTotal + secondTotal);
    }

    // Cosine of the two sets of stemmed words.
    private static double TermScore(StoryFingerprint first, StoryFingerprint second)
    {
        if (first.Terms.Count == 0 || second.Terms.Count == 0)
        {
            return 0;
        }

        var (small, large) = first.Terms.Count <= second.Terms.Count ? (first.Terms, second.Terms) : (second.Terms, first.Terms);
        var shared = small.Count(large.Contains);
        return shared / Math.Sqrt((double)first.Terms.Count * second.Terms.Count);
    }
}

/// <summary>Stories grouped as articles arrive in rank order, see <see cref="NearDuplicates.Group"/>.</summary>
/// <remarks>An article is compared with the first few members of each group, not all of them: the cost stays linear in the
/// number of groups however many reports a big story gets.</remarks>
internal sealed class StoryGroups
{
    private const int ComparedMembers = 3;

    private readonly List<List<StoryFingerprint>> groups = [];

    public IReadOnlyList<IReadOnlyList<StoryFingerprint>> Groups => groups;

    public int Count => groups.Count;

    public void Add(StoryFingerprint story)
    {
        List<StoryFingerprint>? best = null;
        var bestScore = NearDuplicates.Threshold;
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count && i < ComparedMembers; i++)
            {
                var score = NearDuplicates.Score(group[i], story);
                if (score >= bestScore)
                {
                    (best, bestScore) = (group, score);
                }
            }
        }

        if (best is null)
        {
            groups.Add([story]);
        }
        else
        {
            best.Add(story);
        }
    }
}
