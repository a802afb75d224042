using System.Diagnostics;
using System.Globalization;
using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Search;

/// <summary>The upkeep every search index shares: each import batch analyzed in parallel and written inside its
/// transaction, and at start whatever is missing, or everything when the analyzer changed.</summary>
/// <typeparam name="TRow">What one article becomes in this provider's index.</typeparam>
public abstract class SearchIndexer<TRow>(ILogger logger) : IArticleIndexer, IStorageStartupStep, ISearchIndexCheck
{
    /// <summary>The <see cref="BotState"/> key holding the <see cref="SearchAnalyzer.Version"/> the index was built with.</summary>
    public const string VersionKey = "SearchIndexVersion";

    private const int CatchUpBatch = 500;

    public async Task IndexAsync(DigestDbContext db, IReadOnlyCollection<Article> changed, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken)
    {
        if (changed.Count > 0 || removedIds.Count > 0)
        {
            var sources = changed.Select(a => new IndexSource(a.Id, a.Title, a.Body, a.Summary, a.Language, a.PublishedAt ?? a.ImportedAt)).ToList();
            await WriteAsync(db, Analyze(sources, cancellationToken), removedIds, cancellationToken);
        }
    }

    public Task RunAsync(DigestDbContext db, CancellationToken cancellationToken) => RefreshAsync(db, rebuild: false, cancellationToken);

    public Task RebuildAsync(DigestDbContext db, CancellationToken cancellationToken) => RefreshAsync(db, rebuild: true, cancellationToken);

    public async Task<SearchIndexReport> CheckAsync(DigestDbContext db, int sampleSize, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var version = SearchAnalyzer.Version.ToString(CultureInfo.InvariantCulture);
        var state = await db.BotState.AsNoTracking().FirstOrDefaultAsync(s => s.Key == VersionKey, cancellationToken);
        if (state?.Value != version)
        {
            findings.Add($"search index: built by analyzer version {state?.Value ?? "none"}, this bot's is {version}");
        }

        var articles = await db.Articles.LongCountAsync(cancellationToken);
        var rows = await CountRowsAsync(db, cancellationToken);
        var missing = await MissingIdsAsync(db, cancellationToken);
        if (missing.Count > 0)
        {
            findings.Add($"search index: {missing.Count} article(s) without an index row: {Ids(missing)}");
        }

        var orphans = await OrphanIdsAsync(db, cancellationToken);
        if (orphans.Count > 0)
        {
            findings.Add($"search index: {orphans.Count} row(s) of articles that are gone: {Ids(orphans)}");
        }

        // A random sample, so that checks run one after another look at different rows; the articles without a row are
        // findings already.
        var sample = (await db.Articles.AsNoTracking()
                .OrderBy(a => EF.Functions.Random())
                .Take(sampleSize)
                .Select(a => new IndexSource(a.Id, a.Title, a.Body, a.Summary, a.Language, a.PublishedAt ?? a.ImportedAt))
                .ToListAsync(cancellationToken))
            .Where(a => !missing.Contains(a.Id))
            .ToList();
        var differing = await DifferingIdsAsync(db, Analyze(sample, cancellationToken), cancellationToken);
        if (differing.Count > 0)
        {
            findings.Add($"search index: {differing.Count} of {sample.Count} sampled row(s) differ from their article: {Ids(differing)}");
        }

        return new SearchIndexReport(articles, rows, sample.Count, findings);
    }

    private async Task RefreshAsync(DigestDbContext db, bool rebuild, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var version = SearchAnalyzer.Version.ToString(CultureInfo.InvariantCulture);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.BotState.FindAsync([VersionKey], cancellationToken);
        rebuild = rebuild || state?.Value != version;
        if (rebuild)
        {
            await ClearAsync(db, cancellationToken);
        }
        else
        {
            await RemoveOrphansAsync(db, cancellationToken);
        }

        var missing = await MissingIdsAsync(db, cancellationToken);
        foreach (var chunk in missing.Chunk(CatchUpBatch))
        {
            var sources = await db.Articles.AsNoTracking()
                .Where(a => chunk.Contains(a.Id))
                .Select(a => new IndexSource(a.Id, a.Title, a.Body, a.Summary, a.Language, a.PublishedAt ?? a.ImportedAt))
                .ToListAsync(cancellationToken);
            await WriteAsync(db, Analyze(sources, cancellationToken), [], cancellationToken);
        }

        if (state is null)
        {
            db.BotState.Add(new BotState { Key = VersionKey, Value = version });
        }
        else
        {
            state.Value = version;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (missing.Count > 0)
        {
            logger.LogInformation(
                "Search: indexed {Count} article(s) in {Elapsed} ms (analyzer version {Version}, rebuilt: {Rebuilt})",
                missing.Count, stopwatch.ElapsedMilliseconds, version, rebuild);
        }
    }

    /// <summary>Turns one article into its index row; runs on several threads at once.</summary>
    protected abstract TRow Analyze(IndexSource source);

    /// <summary>Replaces the rows of these articles and drops those of the removed ones, in the current transaction.</summary>
    protected abstract Task WriteAsync(DigestDbContext db, IReadOnlyList<TRow> rows, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken);

    /// <summary>Empties the index before a rebuild.</summary>
    protected abstract Task ClearAsync(DigestDbContext db, CancellationToken cancellationToken);

    /// <summary>The ids of the articles the index lacks, in order.</summary>
    protected abstract Task<List<long>> MissingIdsAsync(DigestDbContext db, CancellationToken cancellationToken);

    /// <summary>Drops rows whose article is gone; an index whose rows go with their article needs nothing here.</summary>
    protected virtual Task RemoveOrphansAsync(DigestDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>How many rows the index holds.</summary>
    protected abstract Task<long> CountRowsAsync(DigestDbContext db, CancellationToken cancellationToken);

    /// <summary>The ids of rows whose article is gone, in order; none for an index whose rows go with their article.</summary>
    protected virtual Task<List<long>> OrphanIdsAsync(DigestDbContext db, CancellationToken cancellationToken) => Task.FromResult(new List<long>());

    /// <summary>The ids of these rows, as <see cref="WriteAsync"/> would write them now, that the index holds otherwise.</summary>
    protected abstract Task<List<long>> DifferingIdsAsync(DigestDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    // A finding names the first few ids; a broken index may lack thousands.
    private static string Ids(List<long> ids) =>
        string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? $" and {ids.Count - 10} more" : "");

    // Analysis is the costly part and each article is independent; the writes stay on the one connection.
    private TRow[] Analyze(List<IndexSource> sources, CancellationToken cancellationToken)
    {
        var rows = new TRow[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = Analyze(sources[i]));
        return rows;
    }
}

/// <summary>What an index needs of an article: its text, its language, and the date recency is counted from.</summary>
public sealed record IndexSource(long Id, string Title, string Body, string? Summary, Language Language, DateTimeOffset DatedAt);
