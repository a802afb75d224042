using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DigestBot.Search;

/// <summary>Search over the table <c>article_search</c>: cover density ranking of the weighted document with the
/// recency boost SQLite uses, snippets cut from the original text; a broad query is ranked among its newest matches.</summary>
public sealed class PostgresArticleSearch(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time, IOptions<SearchOptions> options) : IArticleSearch
{
    private const string Matching = """
        FROM article_search
        WHERE document @@ @query AND (@language::text IS NULL OR language = @language::text)
        """;

    public async Task<SearchPage> SearchAsync(string query, Language? language, int skip, int take, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(query);
        if (PostgresTextSearch.Query(parsed) is not { } match)
        {
            return new SearchPage([], 0);
        }

        await using var db = dbFactory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // One pass ranks and counts, so that the matches are read once, not once for the count and again for the page.
        // As on SQLite, the newest matches (one more than the window, to tell whether there are more) are all it ranks.
        var window = options.Value.RankedMatches;
        await using var page = Command(
            connection,
            $"""
            WITH newest AS (
                SELECT article_id, document, dated_at
                {Matching}
                ORDER BY article_id DESC
                LIMIT @window + 1),
            numbered AS (
                SELECT *, row_number() OVER (ORDER BY article_id DESC) AS position, count(*) OVER () AS matched
                FROM newest)
            SELECT article_id,
                   ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @query, {PostgresTextSearch.RankNormalization})
                   * (1.0 + @boost / (1.0 + greatest(0, extract(epoch FROM @now - dated_at)) / @halfLife)) AS score,
                   matched
            FROM numbered
            WHERE position <= @window
            ORDER BY score DESC, article_id DESC
            LIMIT @take OFFSET @skip
            """,
            match,
            language,
            window);
        page.Parameters.AddWithValue("boost", SearchRanking.RecencyBoost);
        page.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, time.GetUtcNow());
        page.Parameters.AddWithValue("halfLife", SearchRanking.RecencyHalfLife.TotalSeconds);
        page.Parameters.AddWithValue("take", Math.Max(0, take));
        page.Parameters.AddWithValue("skip", Math.Max(0, skip));

        var ranked = new List<(long Id, double Score)>();
        long? matched = null;
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
                matched = reader.GetInt64(2);
            }
        }

        if (matched is null)
        {
            // An empty page (past the end, or none asked for) carries no count.
            await using var count = Command(connection, $"SELECT count(*) FROM (SELECT 1 {Matching} LIMIT @window + 1) AS newest", match, language, window);
            matched = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new SearchPage(await SearchRanking.HitsAsync(db, parsed, ranked, cancellationToken), (int)Math.Min(matched.Value, window), matched > window);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTsQuery match, Language? language, int window)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("query", NpgsqlDbType.TsQuery, match);
        command.Parameters.AddWithValue("language", NpgsqlDbType.Text, language is { } only ? only.ToCode() : DBNull.Value);
        command.Parameters.AddWithValue("window", NpgsqlDbType.Integer, window);
        return command;
    }
}
