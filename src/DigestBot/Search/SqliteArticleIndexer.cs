using System.Diagnostics;
using System.Globalization;
using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigestBot.Search;

/// <summary>Keeps the FTS5 table <c>ArticleSearch</c> in step with the articles: each import batch inside its
/// transaction, and at start whatever is missing, or everything when the analyzer changed.</summary>
public sealed class SqliteArticleIndexer(ILogger<SqliteArticleIndexer> logger) : IArticleIndexer, IStorageStartupStep
{
    /// <summary>The <see cref="BotState"/> key holding the <see cref="SearchAnalyzer.Version"/> the index was built with.</summary>
    public const string VersionKey = "SearchIndexVersion";

    private const int CatchUpBatch = 500;

    public async Task IndexAsync(DigestDbContext db, IReadOnlyCollection<Article> changed, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken)
    {
        if (changed.Count > 0 || removedIds.Count > 0)
        {
            var sources = changed.Select(a => new IndexSource(a.Id, a.Title, a.Body, a.Summary, a.Language)).ToList();
            await WriteAsync(db, sources, removedIds, cancellationToken);
        }
    }

    public async Task RunAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var version = SearchAnalyzer.Version.ToString(CultureInfo.InvariantCulture);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.BotState.FindAsync([VersionKey], cancellationToken);
        var rebuild = state?.Value != version;
        await db.Database.ExecuteSqlRawAsync(
            rebuild
                ? "INSERT INTO ArticleSearch(ArticleSearch) VALUES('delete-all');"
                : "DELETE FROM ArticleSearch WHERE rowid NOT IN (SELECT Id FROM Articles);",
            cancellationToken);

        var missing = await db.Database
            .SqlQueryRaw<long>("SELECT Id AS Value FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch) ORDER BY Id")
            .ToListAsync(cancellationToken);
        foreach (var chunk in missing.Chunk(CatchUpBatch))
        {
            var sources = await db.Articles.AsNoTracking()
                .Where(a => chunk.Contains(a.Id))
                .Select(a => new IndexSource(a.Id, a.Title, a.Body, a.Summary, a.Language))
                .ToListAsync(cancellationToken);
            await WriteAsync(db, sources, [], cancellationToken);
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

    private static async Task WriteAsync(DigestDbContext db, IReadOnlyList<IndexSource> sources, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken)
    {
        // Analysis is the costly part and each article is independent; the writes stay on the one connection.
        var rows = new IndexRow[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = sources[i].Analyze());

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await using var delete = Command(connection, transaction, "DELETE FROM ArticleSearch WHERE rowid = $id;", "$id");
        await using var insert = Command(
            connection,
            transaction,
            "INSERT INTO ArticleSearch(rowid, title, body, summary) VALUES ($id, $title, $body, $summary);",
            "$id", "$title", "$body", "$summary");

        foreach (var id in removedIds.Concat(rows.Select(r => r.Id)))
        {
            delete.Parameters[0].Value = id;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var row in rows)
        {
            insert.Parameters[0].Value = row.Id;
            insert.Parameters[1].Value = row.Title;
            insert.Parameters[2].Value = row.Body;
            insert.Parameters[3].Value = row.Summary;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private sealed record IndexSource(long Id, string Title, string Body, string? Summary, Language Language)
    {
        public IndexRow Analyze() => new(
            Id,
            SearchAnalyzer.AnalyzeDocument(Title, Language),
            SearchAnalyzer.AnalyzeDocument(Body, Language),
            SearchAnalyzer.AnalyzeDocument(Summary ?? string.Empty, Language));
    }

    private sealed record IndexRow(long Id, string Title, string Body, string Summary);
}
