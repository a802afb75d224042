using DigestBot.Storage;

namespace DigestBot.Search;

/// <summary>Keeps the search index in step with the articles; called inside the import's transaction.</summary>
public interface IArticleIndexer
{
    Task IndexAsync(DigestDbContext db, IReadOnlyCollection<Article> changed, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken);
}
