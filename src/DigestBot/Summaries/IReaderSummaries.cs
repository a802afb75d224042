using DigestBot.Core.Articles;
using DigestBot.Storage;

namespace DigestBot.Summaries;

/// <summary>An article's title and summary as a reader sees them, in the language they are actually written in.</summary>
public sealed record ReaderSummary(string Title, string Summary, Language Language, string Method);

/// <summary>Gives the summary of an article for a reader of some language: translated when a provider can, else the stored one.</summary>
public interface IReaderSummaries
{
    Task<ReaderSummary> GetAsync(Article article, Language reader, CancellationToken cancellationToken);
}
