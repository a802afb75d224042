using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DigestBot.Search;

/// <summary>Search over the table <c>article_search</c>: cover density ranking of the weighted document with the
/// recency boost SQLite uses, snippets cut from the original text.</summary>
public sealed class PostgresArticleSearch(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time) : IArticleSearch
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
        await using var page = Command(
            connection,
            $"""
            SELECT article_id,
                   ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @query, {PostgresTextSearch.RankNormalization})
                   * (1.0 + @boost / (1.0 + greatest(0, extract(epoch FROM @now - dated_at)) / @halfLife)) AS score,
                   count(*) OVER () AS total
            {Matching}
            ORDER BY score DESC, article_id DESC
            LIMIT @take OFFSET @skip
            """,
            match,
            language);
        page.Parameters.AddWithValue("boost", SearchRanking.RecencyBoost);
        page.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, time.GetUtcNow());
        page.Parameters.AddWithValue("halfLife", SearchRanking.RecencyHalfLife.TotalSeconds);
        page.Parameters.AddWithValue("take", Math.Max(0, take));
        page.Parameters.AddWithValue("skip", Math.Max(0, skip));

        var ranked = new List<(long Id, double Score)>();
        long? total = null;
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
                total = reader.GetInt64(2);
            }
        }

        if (total is null)
        {
            // An empty page (past the end, or none asked for) carries no count.
            await using var count = Command(connection, $"SELECT count(*) {Matching}", match, language);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new SearchPage(await SearchRanking.HitsAsync(db, parsed, ranked, cancellationToken), (int)total);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTsQuery match, Language? language)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("query", NpgsqlDbType.TsQuery, match);
        command.Parameters.AddWithValue("language", NpgsqlDbType.Text, language is { } only ? only.ToCode() : DBNull.Value);
        return command;
    }
}
