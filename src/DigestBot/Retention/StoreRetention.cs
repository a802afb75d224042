using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Retention;

/// <summary>Removes what the store need not keep: articles dated more than <c>Storage:RetainDays</c> ago with everything
/// that hangs on them, and delivery records older than <see cref="DeliveryDays"/> days.</summary>
/// <remarks>An article's search row goes through its indexer; its origins, topics and translated summaries go with it
/// through their foreign keys. The hash of its text is kept (<see cref="PrunedArticle"/>), so that a seed file or a feed
/// still holding it does not import it again.</remarks>
public sealed class StoreRetention(
    IDbContextFactory<DigestDbContext> dbFactory,
    IEnumerable<IArticleIndexer> indexers,
    IOptions<StorageOptions> options,
    ArticleChanges changes,
    TimeProvider time,
    ILogger<StoreRetention> logger)
{
    /// <summary>How long a delivery record is kept: long past any catch-up, which is all it guards.</summary>
    public const int DeliveryDays = 90;

    // One transaction per batch: a large first prune never holds the write lock for long.
    private const int ArticlesPerBatch = 500;

    public async Task<RetentionReport> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var retainDays = options.Value.RetainDays;
        var articles = retainDays > 0 ? await PruneArticlesAsync(now.AddDays(-retainDays), now, cancellationToken) : 0;
        var deliveries = await PruneDeliveriesAsync(now.AddDays(-DeliveryDays), cancellationToken);
        if (articles > 0 || deliveries > 0)
        {
            logger.LogInformation(
                "Retention: removed {Articles} article(s) dated before {ArticlesBefore} and {Deliveries} delivery record(s) from before {DeliveriesBefore}",
                articles, retainDays > 0 ? now.AddDays(-retainDays) : null, deliveries, now.AddDays(-DeliveryDays));
        }

        return new RetentionReport(articles, deliveries);
    }

    private async Task<int> PruneArticlesAsync(DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var old = await db.Articles.AsNoTracking()
                .Where(a => (a.PublishedAt ?? a.ImportedAt) < before)
                .OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.ContentHash })
                .Take(ArticlesPerBatch)
                .ToListAsync(cancellationToken);
            if (old.Count == 0)
            {
                return removed;
            }

            var ids = old.Select(a => a.Id).ToList();
            var hashes = old.Select(a => a.ContentHash).ToList();
            var known = await db.PrunedArticles.Where(p => hashes.Contains(p.ContentHash)).Select(p => p.ContentHash).ToListAsync(cancellationToken);
            db.PrunedArticles.AddRange(hashes.Except(known).Select(hash => new PrunedArticle { ContentHash = hash, PrunedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var indexer in indexers)
            {
                await indexer.IndexAsync(db, [], ids, cancellationToken);
            }

            await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            changes.Changed();
            removed += old.Count;
        }
    }

    private async Task<int> PruneDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deliveries.Where(d => d.StartedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>What one prune removed.</summary>
public sealed record RetentionReport(int Articles, int Deliveries);
