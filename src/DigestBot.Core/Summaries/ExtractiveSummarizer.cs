using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Summaries;

/// <summary>
/// Our summarizer: LexRank centrality blended with a lead-position prior and a bonus for stated figures, picked greedily
/// with a redundancy penalty (MMR), skipping boilerplate, quotations, fragments, headings and sentences that lean on a dropped predecessor.
/// </summary>
public sealed class ExtractiveSummarizer : ISummarizer
{
    /// <summary>Only the first sentences are ranked: the gist of news is up front, and the graph is quadratic.</summary>
    public const int MaxCandidates = 60;

    private const double CentralityWeight = 0.55;
    private const double PositionDecay = 4;
    private const double QuantityBonus = 0.3;
    private const double RedundancyPenalty = 1.0;
    private const double MaxSimilarity = 0.5;

    public Summary Summarize(string body, Language language, SummaryLimits? options = null)
    {
        options ??= SummaryLimits.Default;
        var sentences = Candidates(body);
        var budget = new SummaryBudget(sentences, options);
        if (sentences.Count == 0)
        {
            return budget.ToSummary(language, "extractive");
        }

        var usable = new bool[sentences.Count];
        var anaphoric = new bool[sentences.Count];
        var firstUsable = -1;
        for (var i = 0; i < sentences.Count; i++)
        {
            usable[i] = SentenceFilters.IsUsable(sentences[i], language);
            anaphoric[i] = i > 0 && SentenceFilters.StartsWithAnaphora(sentences[i], language);
            if (usable[i] && firstUsable < 0)
            {
                firstUsable = i;
            }
        }

        var graph = SentenceGraph.Build(sentences, new TextAnalyzer(language));
        var scores = Score(sentences, graph, usable);
        while (!budget.IsFull)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < sentences.Count; i++)
            {
                if (!usable[i] || budget.Contains(i) || !budget.Fits(i) || (anaphoric[i] && !budget.Contains(i - 1)))
                {
                    continue;
                }

                var redundancy = MaxSimilarityToChosen(graph, budget, i, sentences.Count);
                if (redundancy > MaxSimilarity)
                {
                    continue;
                }

                var value = scores[i] - (RedundancyPenalty * redundancy);
                if (value > bestValue)
                {
                    (best, bestValue) = (i, value);
                }
            }

            if (best < 0)
            {
                break;
            }

            budget.Add(best);
        }

        if (budget.IsEmpty)
        {
            budget.Add(firstUsable >= 0 ? firstUsable : 0);
        }

        return budget.ToSummary(language, "extractive");
    }

    internal static IReadOnlyList<string> Candidates(string body)
    {
        var sentences = SentenceSplitter.Split(body);
        return sentences.Count <= MaxCandidates ? sentences : sentences.Take(MaxCandidates).ToList();
    }

    // News puts its gist first: the prior decays with the position among usable sentences,
    // so a dropped heading or photo credit does not push the lead down. A sentence with a figure gets a bonus:
    // the news states its key number, while an opening of background, scene or mission statement seldom has one.
    private static double[] Score(IReadOnlyList<string> sentences, SentenceGraph graph, bool[] usable)
    {
        var scores = new double[graph.Count];
        var position = 0;
        for (var i = 0; i < graph.Count; i++)
        {
            if (!usable[i])
            {
                continue;
            }

            var prior = Math.Exp(-position / PositionDecay);
            scores[i] = (CentralityWeight * graph.Centrality[i]) + ((1 - CentralityWeight) * prior)
                + (SentenceFilters.HasQuantity(sentences[i]) ? QuantityBonus : 0);
            position++;
        }

        return scores;
    }

    private static double MaxSimilarityToChosen(SentenceGraph graph, SummaryBudget budget, int candidate, int count)
    {
        var max = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (budget.Contains(i))
            {
                max = Math.Max(max, graph.Similarity(candidate, i));
            }
        }

        return max;
    }
}
