using System.Globalization;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.StorageEngines.Sqlite;

/// <summary>Search over the FTS5 table <c>ArticleSearch</c>: BM25 with a title boost, a boost for recent articles,
/// snippets cut from the original text; a broad query is ranked among its newest matches.</summary>
public sealed class SqliteArticleSearch(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time, IOptions<SearchOptions> options) : IArticleSearch
{
    // bm25 weights of the title, body and summary columns: a word in the title says most about the article.
    private const string Bm25 = "bm25(ArticleSearch, 4.0, 1.0, 2.0)";

    // INDEXED BY pins the plan to the covering index (migration SearchRanking): SQLite would otherwise read each
    // matching article's row, ten times slower on a large store.
    private const string Matching = """
        FROM ArticleSearch JOIN Articles a INDEXED BY IX_Articles_SearchRanking ON a.Id = ArticleSearch.rowid
        WHERE ArticleSearch MATCH $match AND ($language IS NULL OR a.Language = $language)
        """;

    // Without a language to filter by, the index alone counts. Counting stops one past the window: beyond it the reader
    // learns only that there are more.
    private const string CountAll = "SELECT count(*) FROM (SELECT 1 FROM ArticleSearch WHERE ArticleSearch MATCH $match LIMIT $window + 1)";

    public async Task<SearchPage> SearchAsync(string query, Language? language, int skip, int take, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(query);
        if (parsed.IsEmpty)
        {
            return new SearchPage([], 0);
        }

        await using var db = dbFactory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        parsed = parsed.Without(await HeldAsync(connection, parsed.LookupTerms(), cancellationToken));
        var match = parsed.ToFts5()!;

        var window = options.Value.RankedMatches;
        await using var count = Command(connection, language is null ? CountAll : $"SELECT count(*) FROM (SELECT 1 {Matching} LIMIT $window + 1)", match, language, window);
        var matched = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var total = Math.Min(matched, window);
        if (total == 0 || take <= 0 || skip >= total)
        {
            return new SearchPage([], total, matched > window);
        }

        // FTS5 walks its index newest first (the rowid is the article's id), so the window costs what it holds, however
        // many match. bm25 is negative, better matches lower: the boost multiplies it away from zero.
        // When the query holds other languages' forms, a second walk over the window's rowids finds the articles the
        // words' own forms match: one of them is ranked by those alone, as if the other forms were not asked for (they
        // would lift it by words it shares only by chance, "корь" and the Kazakh "қорғайды"); the others keep a share.
        var own = parsed.OwnForms.ToFts5() is { } ownMatch && ownMatch != match ? ownMatch : null;
        var rank = own is null ? "newest.rank" : "coalesce(own.rank, newest.rank * $otherForms)";
        // Both are MATERIALIZED: SQLite would otherwise run the second walk again for every ranked article, 100 to
        // 400 ms for a common word at 10,000 articles instead of 5.
        var ownForms = own is null
            ? ""
            : $"""
               , own AS MATERIALIZED (
                   SELECT rowid AS Id, {Bm25} AS rank FROM ArticleSearch
                   WHERE ArticleSearch MATCH $own AND rowid >= (SELECT min(Id) FROM newest))
               """;
        var ownJoin = own is null ? "" : "LEFT JOIN own ON own.Id = newest.Id";
        await using var page = Command(
            connection,
            $"""
            WITH newest AS MATERIALIZED (
                SELECT a.Id AS Id, {Bm25} AS rank, coalesce(a.PublishedAt, a.ImportedAt) AS dated
                {Matching}
                ORDER BY ArticleSearch.rowid DESC
                LIMIT $window)
            {ownForms}
            SELECT newest.Id, {rank} * (1.0 + $boost / (1.0 + max(0, $now - newest.dated) / $halfLife)) AS score
            FROM newest
            {ownJoin}
            ORDER BY score, newest.Id DESC
            LIMIT $take OFFSET $skip
            """,
            match,
            language,
            window);
        page.Parameters.AddWithValue("$boost", SearchRanking.RecencyBoost);
        page.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        page.Parameters.AddWithValue("$halfLife", SearchRanking.RecencyHalfLife.TotalMilliseconds);
        page.Parameters.AddWithValue("$own", own is null ? DBNull.Value : own);
        page.Parameters.AddWithValue("$otherForms", SearchRanking.OtherFormsWeight);
        page.Parameters.AddWithValue("$take", take);
        page.Parameters.AddWithValue("$skip", Math.Max(0, skip));

        var ranked = new List<(long Id, double Score)>();
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), -reader.GetDouble(1)));
            }
        }

        return new SearchPage(await SearchRanking.HitsAsync(db, parsed, ranked, cancellationToken), total, matched > window);
    }

    // The index's vocabulary says which of the words' forms some article holds: one lookup here is cheaper than
    // carrying dozens of forms no article holds through the walk, the count and bm25.
    private static async Task<IReadOnlySet<string>> HeldAsync(SqliteConnection connection, IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (terms.Count == 0)
        {
            return held;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM json_each($terms) WHERE EXISTS (SELECT 1 FROM ArticleSearchTerms WHERE term = value)";
        command.Parameters.AddWithValue("$terms", JsonSerializer.Serialize(terms));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(reader.GetString(0));
        }

        return held;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string match, Language? language, int window)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$language", language is { } only ? only.ToCode() : DBNull.Value);
        command.Parameters.AddWithValue("$window", window);
        return command;
    }
}
