using DigestBot.Core.Articles;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DigestBot.StorageEngines.Postgres;

/// <summary>Keeps the table <c>article_search</c> in step with the articles.</summary>
public sealed class PostgresArticleIndexer(ILogger<PostgresArticleIndexer> logger) : SearchIndexer<PostgresArticleIndexer.IndexRow>(logger)
{
    // One statement per batch: the rows travel as arrays, the documents as tsvector literals cast by the server. Their
    // words join the vocabulary that searches look forms and prefixes up in, in order, so that two writers never wait
    // on each other's words crosswise. Words are never taken out: one no article holds any more only costs a lookup.
    private const string Upsert = """
        WITH rows AS (
            SELECT * FROM unnest(@ids, @languages, @dated, @documents::tsvector[]) AS r(article_id, language, dated_at, document)),
        words AS (
            INSERT INTO search_terms (term)
            SELECT DISTINCT unnest(tsvector_to_array(document)) FROM rows ORDER BY 1
            ON CONFLICT DO NOTHING)
        INSERT INTO article_search (article_id, language, dated_at, document)
        SELECT * FROM rows
        ON CONFLICT (article_id) DO UPDATE
        SET language = excluded.language, dated_at = excluded.dated_at, document = excluded.document
        """;

    protected override IndexRow Analyze(IndexSource source) =>
        new(source.Id, source.Language.ToCode(), source.DatedAt.ToUniversalTime(), PostgresTextSearch.Document(source));

    // Removed articles need nothing: their rows go with them through the foreign key.
    protected override async Task WriteAsync(DigestDbContext db, IReadOnlyList<IndexRow> rows, IReadOnlyCollection<long> removedIds, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(Upsert, Parameters(rows), cancellationToken);
    }

    protected override Task ClearAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("TRUNCATE article_search;", cancellationToken);

    protected override Task<List<long>> MissingIdsAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        db.Database
            .SqlQueryRaw<long>("""
                SELECT a."Id" AS "Value" FROM "Articles" a
                WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a."Id")
                ORDER BY a."Id"
                """)
            .ToListAsync(cancellationToken);

    protected override async Task<long> CountRowsAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM article_search").SingleAsync(cancellationToken);

    // The row as it would be written now, compared field by field with the one stored; tsvectors compare by their lexemes.
    protected override Task<List<long>> DifferingIdsAsync(DigestDbContext db, IReadOnlyList<IndexRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0
            ? Task.FromResult(new List<long>())
            : db.Database
                .SqlQueryRaw<long>(
                    """
                    SELECT e.id AS "Value"
                    FROM unnest(@ids, @languages, @dated, @documents::tsvector[]) AS e(id, language, dated_at, document)
                    LEFT JOIN article_search s ON s.article_id = e.id
                    WHERE s.article_id IS NULL OR s.language <> e.language OR s.dated_at <> e.dated_at OR s.document <> e.document
                    ORDER BY e.id
                    """,
                    Parameters(rows))
                .ToListAsync(cancellationToken);

    private static object[] Parameters(IReadOnlyList<IndexRow> rows) =>
    [
        new NpgsqlParameter<long[]>("ids", [.. rows.Select(r => r.Id)]),
        new NpgsqlParameter<string[]>("languages", [.. rows.Select(r => r.Language)]),
        new NpgsqlParameter<DateTimeOffset[]>("dated", [.. rows.Select(r => r.DatedAt)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
        new NpgsqlParameter<string[]>("documents", [.. rows.Select(r => r.Document)]),
    ];

    /// <summary>One article's row: what the language filter and the recency boost read, and the weighted document.</summary>
    public sealed record IndexRow(long Id, string Language, DateTimeOffset DatedAt, string Document);
}
