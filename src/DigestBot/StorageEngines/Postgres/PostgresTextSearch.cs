using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Core.Text;
using DigestBot.Search;
using DigestBot.Storage;
using NpgsqlTypes;

namespace DigestBot.StorageEngines.Postgres;

/// <summary>Our analyzed terms as PostgreSQL text search values: a weighted <c>tsvector</c> per article and a
/// <c>tsquery</c> per search, with the lexemes and positions FTS5 sees on SQLite.</summary>
/// <remarks>
/// Neither goes through <c>to_tsvector</c> or <c>to_tsquery</c>: the parser of even the <c>simple</c> configuration
/// would make a term such as <c>кока-кола</c> three lexemes (the whole and its parts) and shift every position after
/// it. Like FTS5's unicode61 tokenizer, a term is split here into its runs of letters and digits, side by side.
/// </remarks>
internal static class PostgresTextSearch
{
    /// <summary>ts_rank_cd weights of the D, C, B and A labels: body C, summary B, title A, in the ratio of SQLite's bm25 weights.</summary>
    public const string RankWeights = "{0.1, 0.25, 0.5, 1.0}";

    /// <summary>ts_rank_cd's normalization 1, the rank divided by 1 + log(document length): bm25 discounts long
    /// documents too, and with it the top results of broad queries agree most with SQLite's.</summary>
    public const int RankNormalization = 1;

    // PostgreSQL keeps positions up to 16383 and 256 of them per lexeme, and lexemes up to 1 MB in all.
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 256;
    private const int MaxLexemeBytes = (1 << 20) - 1;

    /// <summary>The <c>tsvector</c> literal of an article: title (weight A), summary (B) and body (C) in a row,
    /// a position left free between them so that no phrase spans two of them.</summary>
    public static string Document(IndexSource source)
    {
        var positions = new Dictionary<string, List<(int Position, char Weight)>>(StringComparer.Ordinal);
        var lexemeBytes = 0;
        var position = 1;
        foreach (var (text, weight) in (ReadOnlySpan<(string?, char)>)[(source.Title, 'A'), (source.Summary, 'B'), (source.Body, 'C')])
        {
            var words = new Tokenizer.WordEnumerator(text);
            while (words.MoveNext())
            {
                if (SearchAnalyzer.DocumentTerm(text.AsSpan()[words.Current], source.Language) is not { } term)
                {
                    continue;
                }

                foreach (var lexeme in Parts(term))
                {
                    var at = Math.Min(position++, MaxPosition);
                    if (!positions.TryGetValue(lexeme, out var list))
                    {
                        // A huge article loses its rarest late words rather than failing the whole import batch.
                        lexemeBytes += Encoding.UTF8.GetByteCount(lexeme);
                        if (lexemeBytes > MaxLexemeBytes)
                        {
                            continue;
                        }

                        positions[lexeme] = list = [];
                    }

                    if (list.Count < MaxPositionsPerLexeme && (list.Count == 0 || list[^1].Position < at))
                    {
                        list.Add((at, weight));
                    }
                }
            }

            position++;
        }

        var literal = new StringBuilder();
        foreach (var (lexeme, list) in positions)
        {
            literal.Append(literal.Length > 0 ? " '" : "'").Append(Escape(lexeme)).Append("':");
            for (var i = 0; i < list.Count; i++)
            {
                literal.Append(i > 0 ? "," : "").Append(list[i].Position).Append(list[i].Weight);
            }
        }

        return literal.ToString();
    }

    /// <summary>The <c>tsquery</c> of a parsed query, or null when it requires nothing; it is sent as a value, never as text.</summary>
    public static NpgsqlTsQuery? Query(SearchQuery query) => Build(query, phrases: true, NoExpansions);

    /// <summary>A looser <c>tsquery</c> that every article <see cref="Query"/> matches also matches, and that the GIN
    /// index answers without reading a document: a phrase becomes all of its words, and an exclusion holding a phrase is
    /// dropped. The same as <see cref="Query"/> when the query has no phrase.</summary>
    /// <remarks>The index keeps no positions, so each article holding a phrase's words has to be read to see whether they
    /// stand side by side; this says which articles are worth reading. A prefix named in <paramref name="expansions"/>
    /// becomes the words it stands for: the index reads a prefix by merging the articles of all its words, the whole
    /// store's, where it reads a word's only as far as the other conditions allow.</remarks>
    public static NpgsqlTsQuery? Candidates(SearchQuery query, IReadOnlyDictionary<string, IReadOnlyList<string>>? expansions = null) =>
        Build(query, phrases: false, expansions ?? NoExpansions);

    /// <summary>The lexeme a prefix term is looked up by: the last of its parts, which the query matches as a prefix.</summary>
    public static string PrefixLexeme(SearchTerm term) => Parts(term.Words[0][0]).Last();

    /// <summary>The length of the prefix the prefix index holds of every word (migration <c>SearchPrefixes</c>).</summary>
    public const int IndexedPrefix = 4;

    /// <summary>The prefixes of a query that asks for nothing but words beginning so, each of 4 letters, which the prefix
    /// index answers as they are; empty for any other query, which the document index answers.</summary>
    /// <remarks>The document index reads a prefix by merging the articles of all of its words across the whole store:
    /// 60 ms for <c>пост*</c> at a million articles, whose 470 words are too many to ask for one by one. Longer prefixes
    /// stand for few enough words to be asked for so (see <c>PostgresArticleSearch</c>).</remarks>
    public static IReadOnlyList<string> IndexedPrefixes(SearchQuery query)
    {
        var onlyPrefixes = query.Excluded.Count == 0 && query.Required.All(group =>
            group is [{ IsPrefix: true } term] && Parts(term.Words[0][0]).Count() == 1 && term.Words[0][0].Length == IndexedPrefix);
        return onlyPrefixes ? [.. query.Required.Select(group => PrefixLexeme(group[0])).Distinct(StringComparer.Ordinal)] : [];
    }

    /// <summary>Whether the query holds a phrase, which the index alone cannot answer.</summary>
    public static bool HasPhrase(SearchQuery query) =>
        query.Required.SelectMany(group => group).Concat(query.Excluded).SelectMany(Sequences).Any(s => s.Lexemes.Length > 1);

    private static readonly Dictionary<string, IReadOnlyList<string>> NoExpansions = [];

    private static NpgsqlTsQuery? Build(SearchQuery query, bool phrases, IReadOnlyDictionary<string, IReadOnlyList<string>> expansions)
    {
        if (query.IsEmpty)
        {
            return null;
        }

        var required = query.Required
            .Select(group => AnyOf(group.SelectMany(Sequences), phrases, expansions))
            .Aggregate((left, right) => new NpgsqlTsQueryAnd(left, right));
        var excluded = query.Excluded.SelectMany(Sequences).ToList();
        return excluded.Count == 0 || (!phrases && excluded.Any(s => s.Lexemes.Length > 1))
            ? required
            : new NpgsqlTsQueryAnd(required, new NpgsqlTsQueryNot(AnyOf(excluded, phrases, expansions)));
    }

    /// <summary>The runs of letters and digits of a term, as FTS5's unicode61 tokenizer splits it.</summary>
    public static IEnumerable<string> Parts(string term)
    {
        var start = -1;
        for (var i = 0; i <= term.Length; i++)
        {
            var inside = i < term.Length && char.IsLetterOrDigit(term[i]);
            if (inside && start < 0)
            {
                start = i;
            }
            else if (!inside && start >= 0)
            {
                yield return start == 0 && i == term.Length ? term : term[start..i];
                start = -1;
            }
        }
    }

    // Each alternative a term stands for as lexemes in a row; the last one of a prefix term matches as a prefix.
    private static IEnumerable<(string[] Lexemes, bool IsPrefix)> Sequences(SearchTerm term) => term.IsPrefix
        ? [([.. Parts(term.Words[0][0])], true)]
        : term.Sequences().Select(sequence => (sequence.SelectMany(Parts).ToArray(), false));

    private static NpgsqlTsQuery AnyOf(IEnumerable<(string[] Lexemes, bool IsPrefix)> sequences, bool phrases, IReadOnlyDictionary<string, IReadOnlyList<string>> expansions) =>
        sequences
            .Where(s => s.Lexemes.Length > 0)
            .DistinctBy(s => (string.Join(' ', s.Lexemes), s.IsPrefix))
            .Select(s => Phrase(s.Lexemes, s.IsPrefix, phrases, expansions))
            .Aggregate((left, right) => new NpgsqlTsQueryOr(left, right));

    // Lexemes in a row, or with phrases off merely all of them.
    private static NpgsqlTsQuery Phrase(string[] lexemes, bool isPrefix, bool phrases, IReadOnlyDictionary<string, IReadOnlyList<string>> expansions) =>
        lexemes
            .Select((lexeme, i) => isPrefix && i == lexemes.Length - 1 ? Prefix(lexeme, expansions) : new NpgsqlTsQueryLexeme(lexeme))
            .Aggregate((left, right) => phrases ? new NpgsqlTsQueryFollowedBy(left, 1, right) : new NpgsqlTsQueryAnd(left, right));

    // A prefix as the words it stands for when they are known, and none of them as a word no article holds.
    private static NpgsqlTsQuery Prefix(string lexeme, IReadOnlyDictionary<string, IReadOnlyList<string>> expansions) =>
        expansions.TryGetValue(lexeme, out var words)
            ? words.Count == 0
                ? new NpgsqlTsQueryLexeme(lexeme)
                : words.Select(word => (NpgsqlTsQuery)new NpgsqlTsQueryLexeme(word)).Aggregate((left, right) => new NpgsqlTsQueryOr(left, right))
            : new NpgsqlTsQueryLexeme(lexeme, NpgsqlTsQueryLexeme.Weight.None, isPrefixSearch: true);

    private static string Escape(string lexeme) =>
        lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal);
}
