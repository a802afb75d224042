using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DigestBot.StorageEngines.Postgres;

/// <summary>Search over the table <c>article_search</c>: cover density ranking of the weighted document with the
/// recency boost SQLite uses, snippets cut from the original text; a broad query is ranked among its newest matches.</summary>
public sealed class PostgresArticleSearch(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time, IOptions<SearchOptions> options) : IArticleSearch
{
    // Walking the articles newest first is chosen when at least this many times the window match.
    private const int WalkFactor = 20;

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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // As on SQLite, the newest matches are all a query ranks. Two ways find them: the GIN index reads every match,
        // right when there are few; walking the articles newest first, testing each, stops at the window, right when
        // there are many. The planner picks by how common it guesses the words are, and a wrong guess costs seconds
        // (a walk through a million articles for a word in five hundred of them). So the matches are counted first,
        // through the index and only up to a bound, and that count picks the way.
        var window = options.Value.RankedMatches;
        var bound = window * WalkFactor;
        await Plan(connection, transaction, cancellationToken, "enable_seqscan = off", "enable_indexscan = off");
        await using var count = Command(connection, $"SELECT count(*) FROM (SELECT 1 {Matching} LIMIT @bound) AS matches", match, language, window);
        count.Parameters.AddWithValue("bound", NpgsqlDbType.Integer, bound);
        var matched = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        var total = (int)Math.Min(matched, window);
        if (total == 0 || take <= 0 || skip >= total)
        {
            return new SearchPage([], total, matched > window);
        }

        if (matched >= bound)
        {
            // Many match: the walk tests (store size / matches) articles for each one it keeps, fewer than the index would read.
            await Plan(connection, transaction, cancellationToken, "enable_seqscan = off", "enable_bitmapscan = off", "enable_indexscan = on");
        }

        await using var page = Command(
            connection,
            $"""
            WITH newest AS (
                SELECT article_id, document, dated_at
                {Matching}
                ORDER BY article_id DESC
                LIMIT @window)
            SELECT article_id,
                   (CASE WHEN document @@ @own
                         THEN ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @own, {PostgresTextSearch.RankNormalization})
                         ELSE ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @query, {PostgresTextSearch.RankNormalization}) * @otherForms END)
                   * (1.0 + @boost / (1.0 + greatest(0, extract(epoch FROM @now - dated_at)) / @halfLife)) AS score
            FROM newest
            ORDER BY score DESC, article_id DESC
            LIMIT @take OFFSET @skip
            """,
            match,
            language,
            window);
        page.Parameters.AddWithValue("boost", SearchRanking.RecencyBoost);
        page.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, time.GetUtcNow());
        page.Parameters.AddWithValue("halfLife", SearchRanking.RecencyHalfLife.TotalSeconds);
        page.Parameters.AddWithValue("own", NpgsqlDbType.TsQuery, PostgresTextSearch.Query(parsed.OwnForms)!);
        page.Parameters.AddWithValue("otherForms", SearchRanking.OtherFormsWeight);
        page.Parameters.AddWithValue("take", Math.Max(0, take));
        page.Parameters.AddWithValue("skip", Math.Max(0, skip));

        var ranked = new List<(long Id, double Score)>();
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }

        return new SearchPage(await SearchRanking.HitsAsync(db, parsed, ranked, cancellationToken), total, matched > window);
    }

    // Settings of this transaction only, which steer the planner to the way chosen; one round trip for all of them.
    private static async Task Plan(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken, params string[] settings)
    {
        await using var set = new NpgsqlCommand(string.Concat(settings.Select(setting => $"SET LOCAL {setting};")), connection, transaction);
        await set.ExecuteNonQueryAsync(cancellationToken);
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
