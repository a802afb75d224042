using DigestBot.Core.Search;
using DigestBot.Core.Text;

namespace DigestBot.Core.Digests;

/// <summary>The words of <c>/filter</c>: an article must mention one of <see cref="Include"/> (if any) and none of <see cref="Exclude"/>.</summary>
/// <remarks>Words are compared as search terms (stemmed in every language, Kazakh letters folded), never as patterns, so
/// "+Токаев" matches "Тоқаевтың" and "-футбол" drops "футболу". Two filters are equal when their <see cref="Display"/> is.</remarks>
public sealed class DigestFilter : IEquatable<DigestFilter>
{
    public const int MaxTerms = 20;
    public const int MaxTermLength = 40;

    // Shorter prefixes begin too many unrelated words ("газ" in "газета").
    private const int MinPrefix = 5;

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', ';', '\u00A0'];

    private readonly FilterTerm[] include;
    private readonly FilterTerm[] exclude;

    private DigestFilter(FilterTerm[] include, FilterTerm[] exclude)
    {
        this.include = include;
        this.exclude = exclude;
        Include = [.. include.Select(t => t.Word)];
        Exclude = [.. exclude.Select(t => t.Word)];
        Display = string.Join(' ', Include.Select(w => "+" + w).Concat(Exclude.Select(w => "-" + w)));
    }

    /// <summary>No words: every article passes.</summary>
    public static DigestFilter None { get; } = new([], []);

    /// <summary>Words an article must mention one of, lowercased, in ordinal order.</summary>
    public IReadOnlyList<string> Include { get; }

    /// <summary>Words that drop an article, lowercased, in ordinal order.</summary>
    public IReadOnlyList<string> Exclude { get; }

    /// <summary>The canonical form, "+газ +нефть -футбол"; <see cref="Parse"/> reads it back to an equal filter.</summary>
    public string Display { get; }

    public bool IsEmpty => include.Length == 0 && exclude.Length == 0;

    /// <summary>Reads the argument of <c>/filter</c>: "+word" or a bare word to include, "-word" to exclude, separated by
    /// spaces or commas. Words that cannot be used are left out and reported.</summary>
    public static DigestFilterParseResult Parse(string? text)
    {
        var include = new SortedDictionary<string, FilterTerm>(StringComparer.Ordinal);
        var exclude = new SortedDictionary<string, FilterTerm>(StringComparer.Ordinal);
        var issues = new List<DigestFilterIssue>();
        foreach (var piece in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var excluded = piece[0] is '-' or '\u2212' or '\u2013' or '\u2014';
            var word = Tokenizer.Normalize(piece.AsSpan().TrimStart("+-\u2212\u2013\u2014").Trim(Punctuation()));
            if (FilterTerm.Create(word) is not { } term)
            {
                issues.Add(new(piece, Classify(word)));
                continue;
            }

            var (target, other) = excluded ? (exclude, include) : (include, exclude);
            if (target.ContainsKey(term.Word))
            {
                continue;
            }

            if (include.Count + exclude.Count == MaxTerms)
            {
                issues.Add(new(piece, DigestFilterIssueKind.TooMany));
                continue;
            }

            // "+нефть -нефть" cannot mean anything; the exclusion is the safer reading.
            if (other.Remove(term.Word))
            {
                issues.Add(new(term.Word, DigestFilterIssueKind.Conflicting));
                exclude[term.Word] = term;
                continue;
            }

            target[term.Word] = term;
        }

        var filter = include.Count + exclude.Count == 0 ? None : new DigestFilter([.. include.Values], [.. exclude.Values]);
        return new DigestFilterParseResult(filter, issues);
    }

    /// <summary>True when an article whose search terms (see <see cref="SearchAnalyzer.DocumentTerm"/>) are
    /// <paramref name="documentTerms"/> passes the filter.</summary>
    public bool Matches(IReadOnlySet<string> documentTerms)
    {
        ArgumentNullException.ThrowIfNull(documentTerms);
        if (exclude.Any(t => t.Matches(documentTerms)))
        {
            return false;
        }

        return include.Length == 0 || include.Any(t => t.Matches(documentTerms));
    }

    public bool Equals(DigestFilter? other) => other is not null && Display == other.Display;

    public override bool Equals(object? obj) => Equals(obj as DigestFilter);

    public override int GetHashCode() => Display.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Display;

    private static DigestFilterIssueKind Classify(string word)
    {
        if (!word.Any(char.IsLetterOrDigit))
        {
            return DigestFilterIssueKind.NotAWord;
        }

        return word.Length > MaxTermLength ? DigestFilterIssueKind.TooLong : DigestFilterIssueKind.StopWord;
    }

    private static ReadOnlySpan<char> Punctuation() => "\"'«»“”„.!?:()[]{}<>*/\\|#@&%^~`=_";

    /// <summary>One word of a filter with what each of its tokens may match ("covid-19" is one token, "a/b" two).</summary>
    private sealed record FilterTerm(string Word, IReadOnlyList<FilterToken> Tokens)
    {
        public static FilterTerm? Create(string word)
        {
            if (word.Length is 0 or > MaxTermLength)
            {
                return null;
            }

            var tokens = Tokenizer.Tokenize(word)
                .Select(token => (Terms: SearchAnalyzer.QueryTerms(token), Prefix: SearchAnalyzer.QueryPrefix(token)))
                .Where(token => token.Terms.Count > 0)
                .Select(token => new FilterToken(token.Terms, token.Prefix is { Length: >= MinPrefix } prefix ? prefix : null))
                .ToList();
            return tokens.Count == 0 ? null : new FilterTerm(word, tokens);
        }

        public bool Matches(IReadOnlySet<string> documentTerms) => Tokens.All(token => token.Matches(documentTerms));
    }

    /// <summary>The search terms a filter token stands for, and the prefix that also finds forms the stemmers leave
    /// whole ("токаев" in "Тоқаевтың").</summary>
    private sealed record FilterToken(IReadOnlyList<string> Terms, string? Prefix)
    {
        public bool Matches(IReadOnlySet<string> documentTerms) =>
            Terms.Any(documentTerms.Contains)
            || (Prefix is not null && documentTerms.Any(term => term.StartsWith(Prefix, StringComparison.Ordinal)));
    }
}

/// <summary>What <see cref="DigestFilter.Parse"/> read, and the words it left out.</summary>
public sealed record DigestFilterParseResult(DigestFilter Filter, IReadOnlyList<DigestFilterIssue> Issues);

/// <summary>A word of <c>/filter</c> that was not used, as the user typed it, and why.</summary>
public sealed record DigestFilterIssue(string Term, DigestFilterIssueKind Kind);

/// <summary>Why a word of <c>/filter</c> was not used; the host turns each into a localized line.</summary>
public enum DigestFilterIssueKind
{
    /// <summary>Only punctuation or symbols.</summary>
    NotAWord,

    /// <summary>Longer than <see cref="DigestFilter.MaxTermLength"/> characters.</summary>
    TooLong,

    /// <summary>A function word ("и", "мен", "the") that would match nearly every article.</summary>
    StopWord,

    /// <summary>Beyond the first <see cref="DigestFilter.MaxTerms"/> words.</summary>
    TooMany,

    /// <summary>Both included and excluded; it stays excluded.</summary>
    Conflicting,
}
