using System.Globalization;
using DigestBot.Core.Search;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>Keeps the FTS5 table <c>ArticleSearch</c> in step with the articles.</summary>
public sealed class SqliteArticleIndexer(ILogger<SqliteArticleIndexer> logger) : SearchIndexer<SqliteArticleIndexer.IndexRow>(logger)
{
    protected override IndexRow Analyze(IndexSource source) => new(
        source.Id,
        SearchAnalyzer.AnalyzeDocument(source.Title, source.Language),
        SearchAnalyzer.AnalyzeDocument(source.Body, source.Language),
        SearchAnalyzer.AnalyzeDocument(source.Summary ?? string.Empty, source.Language));

    protected override async Task WriteAsync(DigestDbContext db, IReadOnlyList<IndexRow> rows, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await using var delete = Command(connection, transaction, "DELETE FROM ArticleSearch WHERE rowid = $id;", "$id");
        await using var insert = Command(
            connection,
            transaction,
            "INSERT INTO ArticleSearch(rowid, title, body, summary) VALUES ($id, $title, $body, $summary);",
            "$id", "$title", "$body", "$summary");

        foreach (var id in removedIds)
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

    protected override Task ClearAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(ArticleSearch) VALUES('delete-all');", cancellationToken);

    // FTS5 tables take no foreign keys, so rows of deleted articles are swept here.
    protected override Task RemoveOrphansAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM ArticleSearch WHERE rowid NOT IN (SELECT Id FROM Articles);", cancellationToken);

    protected override Task<List<long>> MissingIdsAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database
            .SqlQueryRaw<long>("SELECT Id AS Value FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch) ORDER BY Id")
            .ToListAsync(cancellationToken);

    protected override async Task<long> CountRowsAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM ArticleSearch").SingleAsync(cancellationToken);

    protected override Task<List<long>> OrphanIdsAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database
            .SqlQueryRaw<long>("SELECT rowid AS Value FROM ArticleSearch WHERE rowid NOT IN (SELECT Id FROM Articles) ORDER BY rowid")
            .ToListAsync(cancellationToken);

    // The table keeps no text (content=''), so a row is asked whether a few terms of each column, first, middle and last,
    // match it in that column; a row written for another text, or left from an older one, does not.
    protected override async Task<List<long>> DifferingIdsAsync(DigestDbContext db, IReadOnlyList<IndexRow> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var matches = Command(
            connection, null, "SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $match AND rowid = $id", "$match", "$id");
        var differing = new List<long>();
        foreach (var row in rows)
        {
            var terms = new[] { ("title", row.Title), ("body", row.Body), ("summary", row.Summary) }
                .SelectMany(column => SomeTerms(column.Item2).Select(term => $"{column.Item1} : \"{term.Replace("\"", "\"\"", StringComparison.Ordinal)}\""))
                .ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            matches.Parameters[0].Value = string.Join(" AND ", terms);
            matches.Parameters[1].Value = row.Id;
            if (Convert.ToInt64(await matches.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                differing.Add(row.Id);
            }
        }

        return differing;
    }

    private static IEnumerable<string> SomeTerms(string analyzed)
    {
        var terms = analyzed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return terms.Length == 0 ? [] : new[] { terms[0], terms[terms.Length / 2], terms[^1] }.Distinct(StringComparer.Ordinal);
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

    /// <summary>The analyzed text of one article's columns, terms separated by spaces.</summary>
    public sealed record IndexRow(long Id, string Title, string Body, string Summary);
}
