using System.Runtime.InteropServices;
using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Summaries;

/// <summary>F1 scores of one candidate summary against one reference.</summary>
public sealed record RougeScores(double Rouge1, double Rouge2, double RougeL)
{
    public static RougeScores Zero { get; } = new(0, 0, 0);
}

/// <summary>
/// ROUGE-1, ROUGE-2 and ROUGE-L F1 over lowercased, stemmed tokens with stop words kept (as the original ROUGE
/// does by default); ROUGE-L is the longest common subsequence of the two whole texts.
/// </summary>
public static class Rouge
{
    public static RougeScores Score(string candidate, string reference, Language language)
    {
        var analyzer = new TextAnalyzer(language);
        var candidateTokens = analyzer.Analyze(candidate, keepStopWords: true);
        var referenceTokens = analyzer.Analyze(reference, keepStopWords: true);
        return new RougeScores(
            NGramF1(candidateTokens, referenceTokens, 1),
            NGramF1(candidateTokens, referenceTokens, 2),
            LcsF1(candidateTokens, referenceTokens));
    }

    internal static double NGramF1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var referenceCounts = CountNGrams(reference, n);
        var candidateCounts = CountNGrams(candidate, n);
        var overlap = 0;
        foreach (var (gram, count) in candidateCounts)
        {
            if (referenceCounts.TryGetValue(gram, out var referenceCount))
            {
                overlap += Math.Min(count, referenceCount);
            }
        }

        return F1(overlap, Math.Max(candidate.Count - n + 1, 0), Math.Max(reference.Count - n + 1, 0));
    }

    internal static double LcsF1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        var previous = new int[reference.Count + 1];
        var current = new int[reference.Count + 1];
        foreach (var token in candidate)
        {
            for (var j = 1; j <= reference.Count; j++)
            {
                current[j] = string.Equals(token, reference[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return F1(previous[reference.Count], candidate.Count, reference.Count);
    }

    private static double F1(int overlap, int candidateTotal, int referenceTotal)
    {
        if (overlap == 0 || candidateTotal == 0 || referenceTotal == 0)
        {
            return 0;
        }

        var precision = (double)overlap / candidateTotal;
        var recall = (double)overlap / referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }

    private static Dictionary<string, int> CountNGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join('\u0001', tokens.Skip(i).Take(n));
            CollectionsMarshal.GetValueRefOrAddDefault(counts, gram, out _)++;
        }

        return counts;
    }
}
