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
/// recency boost SQLite uses, snippets cut from the original text; a broad query is ranked among its newest matches,
/// which are looked for in the newest slices of the store first.</summary>
/// <remarks>
/// The GIN index reads every article a word is in, oldest first, where FTS5 reads newest first and stops at the window:
/// at a million articles a common word is 200,000 of them, 60 ms of index before anything is ranked. So the index also
/// holds each article's slice, its id shifted right by <see cref="SliceBits"/> (migration <c>SearchSlices</c>), and a
/// search asks it for the matches among the newest few thousand articles, then among as many more as the density found
/// says will be enough, before it asks for all of them: within the index, the few articles of the newest slices skip
/// through the long lists of common words. It stops at the first step that holds more matches than the window.
/// </remarks>
public sealed class PostgresArticleSearch(IDbContextFactory<DigestDbContext> dbFactory, TimeProvider time, IOptions<SearchOptions> options) : IArticleSearch
{
    /// <summary>A slice is 2^<c>SliceBits</c> consecutive article ids; the index expression of migration <c>SearchSlices</c>.</summary>
    public const int SliceBits = 12;

    // The index keeps no positions: each article holding all of a phrase's words is read to see whether they stand in a
    // row. A phrase of two common words has tens of thousands of such articles at a million, and reading them all took
    // seconds, so a phrase is looked for among at most this many times the window of them, the newest.
    public const int CandidatesPerRanked = 3;

    private const int MaxPrefixWords = 256;

    // The first step reads the newest slice's worth of articles; each next one 2 to 16 times as many, in whole slices.
    private const int FirstSpan = 1 << SliceBits;
    private const int MinGrowth = 2;
    private const int MaxGrowth = 16;

    // Must read as the index expression does, or the planner cannot use the index for it.
    private static readonly string InSlices = $"(article_id >> {SliceBits})::integer >= @slice AND";

    public async Task<SearchPage> SearchAsync(string query, Language? language, int skip, int take, CancellationToken cancellationToken)
    {
        var parsed = SearchQuery.Parse(query);
        if (parsed.IsEmpty)
        {
            return new SearchPage([], 0);
        }

        await using var db = dbFactory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var newestId = new NpgsqlCommand("SELECT max(article_id) FROM article_search", connection, transaction);
        if (await newestId.ExecuteScalarAsync(cancellationToken) is not long newest)
        {
            return new SearchPage([], 0);
        }

        // The GIN index answers everything here: the primary key would walk the store testing each document, and the
        // bitmaps stay exact, which spares re-reading documents, up to some five million articles.
        await using (var plan = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL work_mem = '32MB';", connection, transaction))
        {
            await plan.ExecuteNonQueryAsync(cancellationToken);
        }

        var prefixes = PostgresTextSearch.IndexedPrefixes(parsed);
        var (held, expansions) = await VocabularyAsync(connection, parsed, prefixes, cancellationToken);
        parsed = parsed.Without(held);
        var match = PostgresTextSearch.Query(parsed)!;
        var phrase = PostgresTextSearch.HasPhrase(parsed);
        var window = options.Value.RankedMatches;

        // Each step asks for the matches among the newest articles, more of them each time, until the whole store. A step
        // is enough when it holds more matches than the window, or, for a phrase, more candidates than it may test;
        // otherwise the next one spans as many articles as the density found says should be enough, and half again.
        // The step that is enough ranks its window in the same statement, so the index is read once for it, and a
        // phrase's candidates are tested only there, so none is tested twice.
        var enough = phrase ? window * CandidatesPerRanked : window + 1;
        var asked = new Asked(
            match, PostgresTextSearch.Candidates(parsed, expansions)!, PostgresTextSearch.Query(parsed.OwnForms)!, prefixes, phrase, language, window, enough, skip, take);
        long matched = 0;
        var untested = false;
        var ranked = new List<(long Id, double Score)>();
        for (var span = (long)FirstSpan; ;)
        {
            // The index reads the slices asked for as one list of all their articles: past half the store that costs
            // more than reading the words without them.
            int? slice = span <= newest / 2 ? (int)((newest - span + 1) >> SliceBits) : null;
            long found = 0;
            await using (var step = StepCommand(connection, asked, slice))
            await using (var reader = await step.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    (found, matched, untested) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2));
                    if (!reader.IsDBNull(3))
                    {
                        ranked.Add((reader.GetInt64(3), reader.GetDouble(4)));
                    }
                }
            }

            if (slice is null || matched > window || untested)
            {
                break;
            }

            var spanned = newest - ((long)slice.Value << SliceBits) + 1;
            span = spanned * Math.Clamp((long)(1.5 * enough / Math.Max(found, 1)), MinGrowth, MaxGrowth);
        }

        // Beyond the window, or among a phrase's candidates left untested, the reader learns only that there may be more.
        var capped = matched > window || untested;
        var total = (int)Math.Min(matched, window);
        return new SearchPage(ranked.Count == 0 ? [] : await SearchRanking.HitsAsync(db, parsed, ranked, cancellationToken), total, capped);
    }

    // The vocabulary (table search_terms, migration SearchVocabulary) says which of the words' forms some article holds,
    // and which words each prefix stands for: one lookup is cheaper than carrying forms no article holds through the
    // index and the ranking (a word stands for 20 to over 100 forms across the languages), and cheaper than letting the index
    // merge a prefix's words over the whole store. A prefix of more words than MaxPrefixWords is left to the index.
    private static async Task<(IReadOnlySet<string> Held, Dictionary<string, IReadOnlyList<string>> Expansions)> VocabularyAsync(
        NpgsqlConnection connection, SearchQuery parsed, IReadOnlyList<string> indexedPrefixes, CancellationToken cancellationToken)
    {
        var prefixes = parsed.Required.SelectMany(group => group).Concat(parsed.Excluded)
            .Where(term => term.IsPrefix)
            .Select(PostgresTextSearch.PrefixLexeme)
            .Except(indexedPrefixes, StringComparer.Ordinal)
            .ToArray();
        await using var command = new NpgsqlCommand(
            """
            SELECT NULL::text, term FROM search_terms WHERE term = ANY(@terms)
            UNION ALL
            SELECT p.prefix, t.term
            FROM unnest(@prefixes::text[]) AS p(prefix)
            CROSS JOIN LATERAL (
                SELECT term FROM search_terms
                WHERE term >= p.prefix AND term < p.prefix || chr(1114111) AND starts_with(term, p.prefix)
                ORDER BY term
                LIMIT @most + 1) AS t
            """,
            connection);
        command.Parameters.AddWithValue("terms", parsed.LookupTerms().ToArray());
        command.Parameters.AddWithValue("prefixes", prefixes);
        command.Parameters.AddWithValue("most", MaxPrefixWords);
        var held = new HashSet<string>(StringComparer.Ordinal);
        var words = prefixes.ToDictionary(prefix => prefix, _ => new List<string>(), StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                held.Add(reader.GetString(1));
            }
            else
            {
                words[reader.GetString(0)].Add(reader.GetString(1));
            }
        }

        return (held, words.Where(prefix => prefix.Value.Count <= MaxPrefixWords).ToDictionary(prefix => prefix.Key, prefix => (IReadOnlyList<string>)prefix.Value, StringComparer.Ordinal));
    }

    // One statement of the steps: the matches among the articles of slice and later (all of them when null), counted,
    // and ranked when the step is enough or the last.
    private NpgsqlCommand StepCommand(NpgsqlConnection connection, Asked asked, int? slice)
    {
        var (match, candidates, own, prefixes, phrase, language, window, enough, skip, take) = asked;

        // A query of prefixes alone asks the prefix index, which holds them as they are; any other the document index.
        var matching = prefixes.Count > 0 ? "search_prefixes(document) @> @prefixes" : "document @@ @candidates";
        var where = $"WHERE {(slice is null ? "" : InSlices)} {matching} AND (@language::text IS NULL OR language = @language::text)";

        // A phrase's candidates are tested newest first, and the test stops once one more than the window hold it; it
        // runs only when this step is the last or holds more candidates than may be tested.
        var newestMatches = phrase
            ? $"""
               candidates AS MATERIALIZED (
                   SELECT article_id, document, dated_at FROM article_search
                   {where}
                   ORDER BY article_id DESC
                   LIMIT @enough + 1),
               newest AS MATERIALIZED (
                   SELECT * FROM (SELECT * FROM candidates ORDER BY article_id DESC LIMIT @enough) AS tested
                   WHERE (@last OR (SELECT count(*) FROM candidates) > @enough) AND document @@ @query
                   ORDER BY article_id DESC
                   LIMIT @window + 1)
               """
            : $"""
               newest AS MATERIALIZED (
                   SELECT article_id, document, dated_at FROM article_search
                   {where}
                   ORDER BY article_id DESC
                   LIMIT @window + 1)
               """;

        // An article the words' own forms match is ranked by them alone; one only their other languages' forms match keeps
        // a share of its rank (as on SQLite). When the vocabulary left no other forms, that test is not needed: it
        // reads every document once more.
        var rank = own.ToString() == match.ToString()
            ? $"ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @query, {PostgresTextSearch.RankNormalization})"
            : $"""
               (CASE WHEN document @@ @own
                     THEN ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @own, {PostgresTextSearch.RankNormalization})
                     ELSE ts_rank_cd('{PostgresTextSearch.RankWeights}', document, @query, {PostgresTextSearch.RankNormalization}) * @otherForms END)
               """;

        // The ranking runs only when this step is the last one or holds enough; a row with no article still brings the counts.
        var command = new NpgsqlCommand(
            $"""
            WITH {newestMatches},
            counted AS (
                SELECT {(phrase ? "(SELECT count(*) FROM candidates)" : "(SELECT count(*) FROM newest)")} AS found,
                       (SELECT count(*) FROM newest) AS matched,
                       {(phrase ? "(SELECT count(*) FROM candidates) > @enough" : "false")} AS untested)
            SELECT counted.found, counted.matched, counted.untested, ranked.article_id, ranked.score
            FROM counted
            LEFT JOIN LATERAL (
                SELECT article_id,
                       {rank}
                       * (1.0 + @boost / (1.0 + greatest(0, extract(epoch FROM @now - dated_at)) / @halfLife)) AS score
                FROM (SELECT * FROM newest ORDER BY article_id DESC LIMIT @window) AS ranked_window
                WHERE @last OR counted.matched > @window OR counted.untested
                ORDER BY score DESC, article_id DESC
                LIMIT @take OFFSET @skip) AS ranked ON true
            ORDER BY ranked.score DESC, ranked.article_id DESC
            """,
            connection);
        command.Parameters.AddWithValue("candidates", NpgsqlDbType.TsQuery, candidates);
        command.Parameters.AddWithValue("prefixes", prefixes.ToArray());
        command.Parameters.AddWithValue("query", NpgsqlDbType.TsQuery, match);
        command.Parameters.AddWithValue("own", NpgsqlDbType.TsQuery, own);
        command.Parameters.AddWithValue("language", NpgsqlDbType.Text, language is { } only ? only.ToCode() : DBNull.Value);
        command.Parameters.AddWithValue("slice", NpgsqlDbType.Integer, slice ?? 0);
        command.Parameters.AddWithValue("last", slice is null);
        command.Parameters.AddWithValue("window", window);
        command.Parameters.AddWithValue("enough", enough);
        command.Parameters.AddWithValue("boost", SearchRanking.RecencyBoost);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, time.GetUtcNow());
        command.Parameters.AddWithValue("halfLife", SearchRanking.RecencyHalfLife.TotalSeconds);
        command.Parameters.AddWithValue("otherForms", SearchRanking.OtherFormsWeight);
        command.Parameters.AddWithValue("take", Math.Max(0, take));
        command.Parameters.AddWithValue("skip", Math.Max(0, skip));
        return command;
    }

    /// <summary>What a search asks of each of its steps.</summary>
    /// <param name="Match">The query.</param>
    /// <param name="Candidates">What the document index is asked: the query, or for a phrase all of its words anywhere.</param>
    /// <param name="Own">The query without the other languages' forms, which ranks the articles it matches.</param>
    /// <param name="Prefixes">The 4-letter prefixes the prefix index is asked instead, when the query is nothing else.</param>
    /// <param name="Enough">The matches, or a phrase's candidates, that make a step enough.</param>
    private sealed record Asked(
        NpgsqlTsQuery Match, NpgsqlTsQuery Candidates, NpgsqlTsQuery Own, IReadOnlyList<string> Prefixes, bool Phrase, Language? Language, int Window, int Enough, int Skip, int Take);
}
