using System.Text;
using DigestBot.Core.Text;

namespace DigestBot.Core.Search;

/// <summary>What a reader typed, parsed into analyzed terms: implicit AND, <c>OR</c> (or <c>или</c>, <c>немесе</c>)
/// between alternatives, <c>"phrases"</c>, <c>-exclusions</c> and <c>prefix*</c>; anything else is just text.</summary>
/// <remarks>Every term is rebuilt from our own tokens and quoted, so nothing the reader types reaches FTS5 as syntax.</remarks>
public sealed class SearchQuery
{
    /// <summary>Longer queries are cut here before parsing.</summary>
    public const int MaxLength = 500;

    /// <summary>At most this many words are searched for, exclusions included.</summary>
    public const int MaxWords = 32;

    private static readonly HashSet<string> OrWords = new(["или", "немесе"], StringComparer.OrdinalIgnoreCase);

    // Highlighting asks about every word of a hit's text, so the terms are gathered once.
    private readonly HashSet<string> exactTerms;
    private readonly string[] prefixes;
    private readonly HashSet<char> firstLetters;
    private SearchQuery? ownForms;

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> required, IReadOnlyList<SearchTerm> excluded)
    {
        Required = required;
        Excluded = excluded;
        var terms = required.SelectMany(group => group).ToList();
        exactTerms = new HashSet<string>(terms.Where(t => !t.IsPrefix).SelectMany(t => t.Words).SelectMany(variants => variants), StringComparer.Ordinal);
        prefixes = [.. terms.Where(t => t.IsPrefix).SelectMany(t => t.Words[0]).Distinct(StringComparer.Ordinal)];
        firstLetters = [.. exactTerms.Concat(prefixes).Where(t => t.Length > 0).Select(t => t[0])];
    }

    /// <summary>Groups of alternatives: a document matches when it matches one term of every group.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Required { get; }

    /// <summary>A document that matches any of these is left out.</summary>
    public IReadOnlyList<SearchTerm> Excluded { get; }

    /// <summary>True when nothing is required: no documents match (a query of only exclusions or stop words).</summary>
    public bool IsEmpty => Required.Count == 0;

    /// <summary>The same query with every word in its own forms only (<see cref="SearchAnalyzer.ExactQueryTerms"/>):
    /// an article it matches outranks one that only the other languages' forms reach.</summary>
    public SearchQuery OwnForms => ownForms ?? this;

    public static SearchQuery Parse(string? text)
    {
        var query = Parse(text, crossLanguage: true);
        return new SearchQuery(query.Required, query.Excluded) { ownForms = Parse(text, crossLanguage: false) };
    }

    private static SearchQuery Parse(string? text, bool crossLanguage)
    {
        var parser = new Parser(crossLanguage);
        if (!string.IsNullOrEmpty(text))
        {
            parser.Run(text.AsSpan(0, Math.Min(text.Length, MaxLength)));
        }

        return new SearchQuery(parser.Required, parser.Excluded);
    }

    /// <summary>The single index terms the query's exact words stand for, prefixes aside: those an engine may look up in
    /// its index to learn which no article holds (<see cref="Without"/>). A term with a joiner is left out: the index
    /// holds its parts, not it.</summary>
    public IReadOnlyCollection<string> LookupTerms()
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Required.SelectMany(group => group).Concat(Excluded).Where(t => !t.IsPrefix))
        {
            terms.UnionWith(term.Words.SelectMany(variants => variants).Where(IsSingleToken));
        }

        return terms;
    }

    /// <summary>The same query without the forms no article holds, for <paramref name="held"/> names those the index
    /// does hold among <see cref="LookupTerms"/>. A word none of whose forms is held keeps its first, so it still matches
    /// nothing rather than being dropped.</summary>
    /// <remarks>A word stands for 20 to 60 forms across the languages, most of which no article holds; searching for
    /// them costs time, since ranking counts the articles of every term, and finds nothing.</remarks>
    public SearchQuery Without(IReadOnlySet<string> held)
    {
        SearchTerm Keep(SearchTerm term) => term.IsPrefix
            ? term
            : term with
            {
                Words = [.. term.Words.Select(variants =>
                    variants.Where(v => held.Contains(v) || !IsSingleToken(v)).ToList() is { Count: > 0 } kept ? kept : (IReadOnlyList<string>)[variants[0]])],
            };

        return new SearchQuery([.. Required.Select(group => (IReadOnlyList<SearchTerm>)[.. group.Select(Keep)])], [.. Excluded.Select(Keep)])
        {
            ownForms = ownForms?.Without(held),
        };
    }

    /// <summary>The FTS5 MATCH expression, or null when <see cref="IsEmpty"/>; every token in it is a quoted string.</summary>
    public string? ToFts5()
    {
        if (IsEmpty)
        {
            return null;
        }

        var expression = new StringBuilder();
        expression.AppendJoin(" AND ", Required.Select(group => Alternatives(group.SelectMany(Fts5Strings))));
        if (Excluded.Count > 0)
        {
            expression.Insert(0, '(').Append(") NOT ").Append(Alternatives(Excluded.SelectMany(Fts5Strings)));
        }

        return expression.ToString();
    }

    /// <summary>False when no term of the query starts with this folded letter, so a word starting with it needs no stemming.</summary>
    public bool MayStartWith(char folded) => firstLetters.Contains(folded);

    /// <summary>True when a document's index term is one the query asks for (exclusions aside), for highlighting.</summary>
    public bool Matches(string term)
    {
        if (exactTerms.Contains(term))
        {
            return true;
        }

        foreach (var prefix in prefixes)
        {
            if (term.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Alternatives(IEnumerable<string> terms)
    {
        var list = terms.Distinct().ToList();
        return list.Count == 1 ? list[0] : $"({string.Join(" OR ", list)})";
    }

    private static IEnumerable<string> Fts5Strings(SearchTerm term)
    {
        if (term.IsPrefix)
        {
            return [Quote(term.Words[0][0]) + "*"];
        }

        return term.Sequences().Select(sequence => Quote(string.Join(' ', sequence)));
    }

    // What the FTS5 tokenizer keeps as one token, so its vocabulary can say whether an article holds it.
    private static bool IsSingleToken(string term) => term.Length > 0 && term.All(c => char.IsLetterOrDigit(c) && !char.IsUpper(c));

    // Our terms hold only letters, digits and joiners, but a double quote inside an FTS5 string is doubled all the same.
    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed class Parser(bool crossLanguage)
    {
        private bool pendingOr;
        private int words;

        public List<IReadOnlyList<SearchTerm>> Required { get; } = [];

        public List<SearchTerm> Excluded { get; } = [];

        public void Run(ReadOnlySpan<char> text)
        {
            var i = 0;
            while (i < text.Length && words < MaxWords)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                    continue;
                }

                var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
                if (excluded)
                {
                    i++;
                }

                if (text[i] == '"')
                {
                    // An unclosed quote runs to the end of the query.
                    var close = text[(i + 1)..].IndexOf('"');
                    var end = close < 0 ? text.Length : i + 1 + close;
                    Phrase(text[(i + 1)..end], excluded);
                    i = Math.Min(end + 1, text.Length);
                    continue;
                }

                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                Chunk(text[start..i], excluded);
            }
        }

        private void Phrase(ReadOnlySpan<char> text, bool excluded)
        {
            var positions = new List<IReadOnlyList<string>>();
            var enumerator = new Tokenizer.WordEnumerator(text);
            while (enumerator.MoveNext() && words < MaxWords)
            {
                // A phrase keeps to the words' own forms: their combinations with the other languages' forms are
                // too many to search and would not stand side by side in one article anyway.
                if (SearchAnalyzer.ExactQueryTerms(text[enumerator.Current]) is { Count: > 0 } variants)
                {
                    positions.Add(variants);
                    words++;
                }
            }

            if (positions.Count > 0)
            {
                Add(new SearchTerm(positions, IsPrefix: false), excluded);
            }
        }

        private void Chunk(ReadOnlySpan<char> chunk, bool excluded)
        {
            if (!excluded && (chunk is "OR" || OrWords.Contains(chunk.ToString())))
            {
                pendingOr = Required.Count > 0;
                return;
            }

            var prefix = chunk.EndsWith("*");
            var enumerator = new Tokenizer.WordEnumerator(chunk);
            while (enumerator.MoveNext() && words < MaxWords)
            {
                var word = chunk[enumerator.Current];
                var isLast = enumerator.Current.End.GetOffset(chunk.Length) == chunk.TrimEnd('*').Length;
                SearchTerm? term = prefix && isLast
                    ? SearchAnalyzer.QueryPrefix(word) is { } stem ? new SearchTerm([[stem]], IsPrefix: true) : null
                    : Terms(word, excluded) is { Count: > 0 } variants ? new SearchTerm([variants], IsPrefix: false) : null;
                if (term is not null)
                {
                    Add(term, excluded);
                    words++;
                }
            }
        }

        // An exclusion removes the word in its own forms only, not every article that speaks of the same thing.
        private IReadOnlyList<string> Terms(ReadOnlySpan<char> word, bool excluded) =>
            excluded || !crossLanguage ? SearchAnalyzer.ExactQueryTerms(word) : SearchAnalyzer.QueryTerms(word);

        private void Add(SearchTerm term, bool excluded)
        {
            if (excluded)
            {
                Excluded.Add(term);
            }
            else if (pendingOr)
            {
                Required[^1] = [.. Required[^1], term];
            }
            else
            {
                Required.Add([term]);
            }

            pendingOr = false;
        }
    }
}

/// <summary>One searched-for word, prefix or phrase: per position, the index terms that may stand there.</summary>
/// <param name="Words">One list of alternative index terms per word; a prefix term has one word with one prefix.</param>
public sealed record SearchTerm(IReadOnlyList<IReadOnlyList<string>> Words, bool IsPrefix)
{
    /// <summary>A phrase whose words each have several stems stands for this many sequences of terms at most.</summary>
    public const int MaxSequences = 16;

    /// <summary>The sequences of index terms an exact term stands for, one per combination of its words' alternatives,
    /// the first <see cref="MaxSequences"/> of them; every engine searches the same ones.</summary>
    public IEnumerable<IReadOnlyList<string>> Sequences()
    {
        IEnumerable<IReadOnlyList<string>> sequences = [[]];
        foreach (var variants in Words)
        {
            sequences = sequences.SelectMany(sequence => variants.Select(variant => (IReadOnlyList<string>)[.. sequence, variant]));
        }

        // The cap is for the combinations of a phrase; a single word keeps all its alternatives.
        return Words.Count == 1 ? sequences : sequences.Take(MaxSequences);
    }
}
