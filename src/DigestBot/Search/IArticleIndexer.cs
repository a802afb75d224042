using DigestBot.Storage;

namespace DigestBot.Search;

/// <summary>Keeps the search index in step with the articles; called inside the import's transaction.</summary>
public interface IArticleIndexer
{
    /// <param name="changed">Articles to write into the index.</param>
    /// <param name="removedIds">Articles whose rows go first: deleted ones, and edited ones that <paramref name="changed"/> writes again.</param>
    Task IndexAsync(DigestDbContext db, IReadOnlyCollection<Article> changed, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken);
}
