using System.Collections.Frozen;
using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Search;
using DigestBot.Core.Text;

namespace DigestBot.Core.Digests;

/// <summary>What a candidate's text says, reduced to what near-duplicate detection and filters compare.</summary>
/// <remarks>Built from the title, the summary and the first <see cref="LeadChars"/> characters of the body.</remarks>
public sealed class StoryFingerprint
{
    public const int LeadChars = 1_000;

    // Name keys: the first letter of a folded word and its next consonants, so that the vowels Russian and Kazakh spell
    // differently drop out, and so do endings: "Тоқаевтың" and "Токаева" → "ткв", "Теңізде" and "Тенгиз" → "тнз".
    // Stemmers do not serve here: the Russian one takes "Токаев" for a plural genitive and leaves "тока".
    private const int NameKeyLength = 3;

    private const double NameWeight = 1.5;
    private const double CommonNameWeight = 0.3;
    private const double LatinWeight = 1.5;
    private const double AcronymWeight = 1.5;
    private const double StrongNumberWeight = 2.5;
    private const double SmallNumberWeight = 1;
    private const double YearWeight = 0.3;

    // Names in most of our news, whichever story it is: they say little about which story an article tells.
    private static readonly FrozenSet<string> CommonNames =
        new[] { "Казахстан", "Президент", "Астана", "Республика", "Правительство", "Үкімет" }
            .Select(word => NameKey(word)).OfType<string>().ToFrozenSet(StringComparer.Ordinal);

    private StoryFingerprint(DigestCandidate candidate, IReadOnlySet<string> terms)
    {
        Candidate = candidate;
        var evidence = new Dictionary<string, double>(StringComparer.Ordinal);
        var hints = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in Texts(candidate))
        {
            AddNames(text, evidence, hints);
            AddNumbers(text, evidence);
        }

        foreach (var key in evidence.Keys)
        {
            hints.Remove(key);
        }

        Terms = terms;
        Evidence = evidence;
        Hints = hints;
        EvidenceWeight = evidence.Values.Sum();
    }

    public DigestCandidate Candidate { get; }

    /// <summary>Search terms of the text (stemmed in the article's language and folded, stop words left out).</summary>
    public IReadOnlySet<string> Terms { get; }

    /// <summary>Language-independent evidence with its weight: name keys ("n:ткв"), Latin-script words ("l:amanat"),
    /// Cyrillic acronyms ("a:тшо") and numbers ("#2.5").</summary>
    public IReadOnlyDictionary<string, double> Evidence { get; }

    /// <summary>Capitalized words seen only at the start of a sentence: maybe names ("Мәжіліс ..."), maybe not ("Выставка ..."),
    /// so they count when both texts have them and do not count against a text that lacks them.</summary>
    public IReadOnlyDictionary<string, double> Hints { get; }

    /// <summary>The sum of <see cref="Evidence"/>.</summary>
    public double EvidenceWeight { get; }

    public static StoryFingerprint Of(DigestCandidate candidate) => Of(candidate, TermsOf(candidate));

    /// <summary>The fingerprint of a candidate whose <see cref="TermsOf"/> are known already.</summary>
    public static StoryFingerprint Of(DigestCandidate candidate, IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(terms);
        return new StoryFingerprint(candidate, terms);
    }

    /// <summary>The search terms of a candidate's title, summary and lead, as <see cref="DigestFilter.Matches"/> takes them;
    /// cheaper than the whole fingerprint.</summary>
    public static IReadOnlySet<string> TermsOf(DigestCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Texts(candidate))
        {
            var words = new Tokenizer.WordEnumerator(text);
            while (words.MoveNext())
            {
                if (SearchAnalyzer.DocumentTerm(text.AsSpan()[words.Current], candidate.Language) is { } term)
                {
                    terms.Add(term);
                }
            }
        }

        return terms;
    }

    /// <summary>The key a capitalized Cyrillic word stands for ("n:ткв"), or null for words too short to tell names apart.</summary>
    public static string? NameKey(ReadOnlySpan<char> word)
    {
        Span<char> key = stackalloc char[NameKeyLength];
        var length = 0;
        foreach (var c in word)
        {
            var letter = SearchAnalyzer.Fold(c) is var folded && folded == 'х' ? 'к' : folded;
            // Russian writes the Kazakh "ң" as "нг" (Теңіз, Тенгиз).
            var skip = length > 0 && (IsVowel(letter) || !char.IsLetter(letter) || letter is 'ь' or 'ъ' || key[length - 1] == letter
                || (letter == 'г' && key[length - 1] == 'н'));
            if (!skip)
            {
                key[length++] = letter;
                if (length == NameKeyLength)
                {
                    return "n:" + new string(key);
                }
            }
        }

        return null;
    }

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я' or 'й';

    private static string[] Texts(DigestCandidate candidate) =>
        [candidate.Title, candidate.Summary, candidate.Lead.Length > LeadChars ? candidate.Lead[..LeadChars] : candidate.Lead];

    private static void AddNames(string text, Dictionary<string, double> evidence, Dictionary<string, double> hints)
    {
        // Latin words in a row are one name ("Air Astana"): an airline's name must not count twice for each of its stories.
        var latin = new StringBuilder();
        var (latinStart, latinEnd) = (0, -1);
        var words = new Tokenizer.WordEnumerator(text);
        while (words.MoveNext())
        {
            var (start, end) = (words.Current.Start.Value, words.Current.End.Value);
            var word = text.AsSpan(start, end - start);
            if (!char.IsUpper(word[0]) || IsStopWord(word))
            {
                continue;
            }

            if (char.IsAsciiLetter(word[0]))
            {
                if (latin.Length == 0 || latinEnd != start - 1 || text[latinEnd] != ' ')
                {
                    AddLatin();
                    latinStart = start;
                }

                latin.Append(latin.Length > 0 ? " " : "").Append(word);
                latinEnd = end;
                continue;
            }

            var (key, weight) = word.Length >= 2 && IsAcronym(word) ? ("a:" + SearchAnalyzer.Fold(word), AcronymWeight)
                : NameKey(word) is { } name ? (name, CommonNames.Contains(name) ? CommonNameWeight : NameWeight)
                : (null, 0);
            if (key is not null)
            {
                (StartsSentence(text, start) ? hints : evidence).TryAdd(key, weight);
            }
        }

        AddLatin();

        void AddLatin()
        {
            if (latin.Length > 0)
            {
                (StartsSentence(text, latinStart) ? hints : evidence).TryAdd("l:" + latin.ToString().ToLowerInvariant(), LatinWeight);
                latin.Clear();
            }
        }
    }

    private static bool StartsSentence(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '«' or '"' or '„' or '“' or '(' or '—' or '–'))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or '…' or ':' || text[i + 1] == '\n';
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStopWord(ReadOnlySpan<char> word)
    {
        var normalized = Tokenizer.Normalize(word);
        return StopWords.Russian.Contains(normalized) || StopWords.Kazakh.Contains(normalized) || StopWords.English.Contains(normalized);
    }

    // Numbers as both languages write them: "1,5" and "1.5" alike, "149 000" as one number.
    private static void AddNumbers(string text, Dictionary<string, double> evidence)
    {
        var number = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            number.Clear();
            var decimals = false;
            while (true)
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                number.Append(text, start, i - start);
                if (!decimals && i + 1 < text.Length && text[i] is '.' or ',' && char.IsAsciiDigit(text[i + 1]))
                {
                    decimals = true;
                    number.Append('.');
                    i++;
                }
                else if (!decimals && i + 1 < text.Length && text[i] is ' ' or '\u00A0' or '\u202F' && IsThousands(text, i + 1))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            var value = number.ToString();
            evidence.TryAdd("#" + value, Weigh(value, decimals));
        }
    }

    private static bool IsThousands(string text, int start) =>
        start + 3 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsLetterOrDigit(text[start + 3]));

    private static double Weigh(string number, bool decimals)
    {
        if (decimals)
        {
            return StrongNumberWeight;
        }

        if (number.Length == 4 && number[0] is '1' or '2' && number[1] is '9' or '0')
        {
            return YearWeight;
        }

        return number.Length <= 2 ? SmallNumberWeight : StrongNumberWeight;
    }
}
