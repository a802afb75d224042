using DigestBot.Core.Articles;
using DigestBot.Storage;

namespace DigestBot.Summaries;

/// <summary>Without a translating provider: the extractive summary stored at import, in the article's own language.</summary>
public sealed class StoredSummaries : IReaderSummaries
{
    public Task<ReaderSummary> GetAsync(Article article, Language reader, CancellationToken cancellationToken) =>
        Task.FromResult(FromArticle(article));

    public static ReaderSummary FromArticle(Article article) =>
        new(article.Title, article.Summary ?? "", article.Language, "extractive");
}
