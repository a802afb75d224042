using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Summaries;

/// <summary>The plain graph baseline: the most central sentences that fit the budget, with no position prior and no cleanup.</summary>
public sealed class TextRankSummarizer : ISummarizer
{
    public Summary Summarize(string body, Language language, SummaryLimits? options = null)
    {
        options ??= SummaryLimits.Default;
        var sentences = ExtractiveSummarizer.Candidates(body);
        var budget = new SummaryBudget(sentences, options);
        if (sentences.Count > 0)
        {
            var graph = SentenceGraph.Build(sentences, new TextAnalyzer(language));
            var order = Enumerable.Range(0, sentences.Count).OrderByDescending(i => graph.Centrality[i]).ThenBy(i => i);
            foreach (var index in order)
            {
                if (budget.IsFull)
                {
                    break;
                }

                if (budget.Fits(index))
                {
                    budget.Add(index);
                }
            }

            if (budget.IsEmpty)
            {
                budget.Add(0);
            }
        }

        return budget.ToSummary(language, "textrank");
    }
}
