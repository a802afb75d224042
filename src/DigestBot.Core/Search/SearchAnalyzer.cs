using System.Collections.Frozen;
using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Search;

/// <summary>Turns text into search terms: words stemmed in their language, then folded so that Kazakh letters meet their Russian look-alikes.</summary>
/// <remarks>
/// Each word is stemmed until the stem stops changing: the Russian stemmer takes "ассамблея" to "ассамбле" but
/// "ассамблеи" to "ассамбл", and a second pass brings both to one term. Documents are stemmed in their own language;
/// a query's language is unknown, so each query word stands for the terms of all three languages.
/// </remarks>
public static class SearchAnalyzer
{
    /// <summary>Stored with the index: a change of the analysis here must bump it so that the index is rebuilt.</summary>
    public const int Version = 2;

    /// <summary>Longer "words" (base64, run-together junk) are neither indexed nor searched for.</summary>
    public const int MaxTermLength = 64;

    // One letter followed by * would match a good part of the index.
    private const int MinPrefix = 2;

    // A stemmer may cut a short prefix down to two or three letters that begin thousands of unrelated words.
    private const int MinStemmedPrefix = 5;

    private const int MaxStemPasses = 4;
    private const int MaxCachedTerms = 200_000;

    // Terms are pure functions of the word and news vocabulary repeats: the cache saves most of the stemming.
    private static readonly FrozenDictionary<Language, BoundedCache> Cache =
        LanguageCodes.All.ToFrozenDictionary(language => language, _ => new BoundedCache(MaxCachedTerms));

    /// <summary>Lowercase, "ё" as "е", and the Kazakh letters as the Russian ones a reader types without a Kazakh keyboard.</summary>
    public static char Fold(char c) => InvariantLowerCase.Of(c) switch
    {
        'ё' => 'е',
        'қ' => 'к',
        'ә' => 'а',
        'ө' => 'о',
        'ұ' or 'ү' => 'у',
        'і' => 'и',
        'ң' => 'н',
        'ғ' => 'г',
        'һ' => 'х',
        var lower => lower,
    };

    /// <summary>The folded form of <paramref name="word"/>, see <see cref="Fold(char)"/>.</summary>
    public static string Fold(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = Fold(source[i]);
            }
        });

    /// <summary>The terms of a document's text as the index stores them: space-separated, stop words left out.</summary>
    public static string AnalyzeDocument(string text, Language language)
    {
        var output = new StringBuilder(text.Length);
        var words = new Tokenizer.WordEnumerator(text);
        while (words.MoveNext())
        {
            if (DocumentTerm(text.AsSpan()[words.Current], language) is { } term)
            {
                output.Append(output.Length > 0 ? " " : "").Append(term);
            }
        }

        return output.ToString();
    }

    /// <summary>The index term of one word of a document, or null for a stop word or an overlong word.</summary>
    public static string? DocumentTerm(ReadOnlySpan<char> word, Language language)
    {
        if (word.Length > MaxTermLength)
        {
            return null;
        }

        Span<char> normalized = stackalloc char[word.Length];
        Tokenizer.Normalize(word, normalized);
        if (StopWords.For(language).GetAlternateLookup<ReadOnlySpan<char>>().Contains(normalized))
        {
            return null;
        }

        var cache = Cache[language];
        if (cache.Lookup.TryGetValue(normalized, out var term))
        {
            return term;
        }

        var token = new string(normalized);
        return cache.Add(token, Term(token, language));
    }

    /// <summary>The index terms a query word may match: its own terms (see <see cref="ExactQueryTerms"/>) and those of
    /// the forms it takes in the other languages' articles, so that "Токаев" finds "Тоқаевтың" and "Костанайская"
    /// finds "Қостанай облысы"; empty for a stop word of any language.</summary>
    public static IReadOnlyList<string> QueryTerms(ReadOnlySpan<char> word)
    {
        var own = ExactQueryTerms(word);
        if (own.Count == 0)
        {
            return own;
        }

        var folded = Fold(Tokenizer.Normalize(word));
        var terms = new List<string>(own);

        // A stem of one language through another's stemmer: "астанада" loses the Kazakh locative, then "астана" the
        // Russian ending, and meets "Астане".
        foreach (var term in own)
        {
            foreach (var language in LanguageCodes.All)
            {
                Add(terms, Term(term, language));
            }
        }

        var places = own.SelectMany(CrossLanguage.PlacesOf).Distinct(StringComparer.Ordinal).ToList();
        IEnumerable<string> forms = [.. places, .. CrossLanguage.EquivalentsOf(own), .. CrossLanguage.KazakhVowelsOf(folded)];
        if (CrossLanguage.Transliterate(folded) is { } transliterated)
        {
            forms = forms.Append(transliterated);
        }

        var stems = new List<string>(own.Prepend(folded));
        foreach (var form in forms.Distinct(StringComparer.Ordinal))
        {
            foreach (var term in OwnTerms(form))
            {
                Add(terms, term);
                stems.Add(term);
            }
        }

        foreach (var stem in stems.Distinct(StringComparer.Ordinal))
        {
            foreach (var form in CrossLanguage.AffixedForms(stem))
            {
                Add(terms, form);
            }
        }

        return terms;
    }

    /// <summary>The index terms of a query word in its own spelling, one per language that stems it differently, as
    /// phrases and exclusions use them; empty for a stop word of any language.</summary>
    public static IReadOnlyList<string> ExactQueryTerms(ReadOnlySpan<char> word)
    {
        var normalized = Tokenizer.Normalize(word);
        if (normalized.Length > MaxTermLength || LanguageCodes.All.Any(language => StopWords.For(language).Contains(normalized)))
        {
            return [];
        }

        return OwnTerms(normalized);
    }

    /// <summary>The terms of a normalized word in every language, also of its folded form.</summary>
    internal static List<string> OwnTerms(string normalized)
    {
        // Stemming the folded word too lets "халкы", typed without Kazakh letters, lose its ending like "халқы";
        // х as к lets the Russian "Казахстан" meet the Kazakh "Қазақстан", in queries only so that documents keep both.
        var folded = Fold(normalized);
        var terms = new List<string>(6);
        foreach (var language in LanguageCodes.All)
        {
            foreach (var term in (string[])[Term(normalized, language), Term(folded, language)])
            {
                Add(terms, term);
                Add(terms, term.Replace('х', 'к'));
            }
        }

        return terms;
    }

    /// <summary>The index-term prefix a query prefix (<c>диплом*</c>) stands for, or null when too short to be useful:
    /// the folded prefix, cut back to a stem when a stemmer takes an inflection off its end, so that "дипломатия*"
    /// also finds "дипломатиялық".</summary>
    public static string? QueryPrefix(ReadOnlySpan<char> word)
    {
        var normalized = Tokenizer.Normalize(word);
        if (normalized.Length is < MinPrefix or > MaxTermLength)
        {
            return null;
        }

        var folded = Fold(normalized);
        var shortest = folded;
        foreach (var language in LanguageCodes.All)
        {
            var stem = Fold(Stemmers.For(language).Stem(normalized));
            if (stem.Length >= MinStemmedPrefix && stem.Length < shortest.Length && folded.StartsWith(stem, StringComparison.Ordinal))
            {
                shortest = stem;
            }
        }

        return shortest;
    }

    private static void Add(List<string> terms, string term)
    {
        if (term.Length > 0 && !terms.Contains(term))
        {
            terms.Add(term);
        }
    }

    private static string Term(string normalized, Language language)
    {
        var stemmer = Stemmers.For(language);
        var stem = normalized;
        for (var pass = 0; pass < MaxStemPasses; pass++)
        {
            var next = stemmer.Stem(stem);
            if (next == stem)
            {
                break;
            }

            stem = next;
        }

        return Fold(stem);
    }
}
