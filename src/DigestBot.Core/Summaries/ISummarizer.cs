using DigestBot.Core.Articles;

namespace DigestBot.Core.Summaries;

/// <summary>Picks whole sentences from an article body to summarise it within a length budget.</summary>
public interface ISummarizer
{
    Summary Summarize(string body, Language language, SummaryLimits? options = null);
}
