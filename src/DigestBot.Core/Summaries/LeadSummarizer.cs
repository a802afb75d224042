using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Summaries;

/// <summary>
/// The lead baseline: the first sentences that fit the budget (the first sentence alone when none fits);
/// <c>sentenceCount</c> takes the place of <see cref="SummaryLimits.MaxSentences"/>, <see cref="SummaryLimits.MaxChars"/> still holds.
/// </summary>
public sealed class LeadSummarizer(int sentenceCount) : ISummarizer
{
    public Summary Summarize(string body, Language language, SummaryLimits? options = null)
    {
        options ??= SummaryLimits.Default;
        var sentences = SentenceSplitter.Split(body);
        var budget = new SummaryBudget(sentences, options with { MaxSentences = sentenceCount });
        for (var i = 0; i < sentences.Count && !budget.IsFull; i++)
        {
            if (budget.Fits(i))
            {
                budget.Add(i);
            }
        }

        if (budget.IsEmpty && sentences.Count > 0)
        {
            budget.Add(0);
        }

        return budget.ToSummary(language, $"lead-{sentenceCount}");
    }
}
