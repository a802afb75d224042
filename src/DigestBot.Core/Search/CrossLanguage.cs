using System.Collections.Frozen;
using System.Text;

namespace DigestBot.Core.Search;

/// <summary>The forms a query word may take in another language's article: the same word of the equivalents list,
/// a name written in the other alphabet, a region's name as a Russian adjective or as the Kazakh name, a Russian
/// loanword as a Kazakh article keeps it.</summary>
/// <remarks>
/// Each form is a folded word; <see cref="SearchAnalyzer.QueryTerms(ReadOnlySpan{char})"/> stems it in every language.
/// None of this touches documents: they keep the terms of their own language, so only queries grow.
/// </remarks>
internal static class CrossLanguage
{
    // Keys shorter than this ("ел", "су" and the stems of short words) would tie unrelated words to a group.
    private const int MinKey = 3;

    // Bases shorter than this gain no adjective or loanword endings: "ток" + "ск" is no place.
    private const int MinBase = 4;

    private const int MinVowelSwap = 6;

    private static readonly FrozenDictionary<string, string[]> Equivalents = LoadEquivalents("equivalents.txt");

    // Latin spellings of Cyrillic sounds, longest first; a Latin word is read with these.
    private static readonly (string Latin, string Cyrillic)[] LatinDigraphs =
        [("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("sh", "ш"), ("ch", "ч"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е")];

    private static readonly FrozenDictionary<char, string> LatinLetters = new Dictionary<char, string>
    {
        ['a'] = "а",
        ['b'] = "б",
        ['c'] = "к",
        ['d'] = "д",
        ['e'] = "е",
        ['f'] = "ф",
        ['g'] = "г",
        ['h'] = "х",
        ['i'] = "и",
        ['j'] = "дж",
        ['k'] = "к",
        ['l'] = "л",
        ['m'] = "м",
        ['n'] = "н",
        ['o'] = "о",
        ['p'] = "п",
        ['q'] = "к",
        ['r'] = "р",
        ['s'] = "с",
        ['t'] = "т",
        ['u'] = "у",
        ['v'] = "в",
        ['w'] = "в",
        ['x'] = "кс",
        ['y'] = "ы",
        ['z'] = "з",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, string> CyrillicLetters = new Dictionary<char, string>
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "y",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
    }.ToFrozenDictionary();

    /// <summary>The folded words of the groups of the equivalents list that one of <paramref name="terms"/> belongs to.</summary>
    public static IEnumerable<string> EquivalentsOf(IEnumerable<string> terms) =>
        terms.Where(term => term.Length >= MinKey)
            .SelectMany(term => Equivalents.TryGetValue(term, out var words) ? words : [])
            .Distinct(StringComparer.Ordinal);

    /// <summary>A Latin word as Cyrillic (<c>kazakhstan</c> → <c>казахстан</c>), a Cyrillic one as Latin
    /// (<c>астана</c> → <c>astana</c>), or null for a word of digits or of both alphabets.</summary>
    public static string? Transliterate(string folded)
    {
        if (folded.Length == 0)
        {
            return null;
        }

        if (folded.All(c => c is >= 'a' and <= 'z'))
        {
            return FromLatin(folded);
        }

        if (!folded.All(CyrillicLetters.ContainsKey))
        {
            return null;
        }

        var latin = new StringBuilder(folded.Length + 4);
        for (var i = 0; i < folded.Length; i++)
        {
            // "кс" is how Russian writes the x of export, taxi and Alexander.
            if (folded[i] == 'к' && i + 1 < folded.Length && folded[i + 1] == 'с')
            {
                latin.Append('x');
                i++;
                continue;
            }

            latin.Append(CyrillicLetters[folded[i]]);
        }

        return latin.ToString();
    }

    /// <summary>The place a Russian adjective stem names, as the folded words to stem in every language:
    /// <c>костанайск</c> (Костанайская) → <c>костанай</c>; <c>карагандинск</c> → <c>караганд</c>, <c>караганда</c>,
    /// <c>караганды</c>, since the adjective does not show how the name ends.</summary>
    public static IEnumerable<string> PlacesOf(string stem)
    {
        if (stem.Length < MinBase + 2 || !stem.EndsWith("ск", StringComparison.Ordinal))
        {
            yield break;
        }

        var place = stem[..^2];
        if (place.Length >= MinBase + 2 && place.EndsWith("ин", StringComparison.Ordinal))
        {
            place = place[..^2];
        }

        yield return place;
        yield return place + "а";
        yield return place + "ы";
    }

    /// <summary>A long word as Kazakh spells the vowels that Russian writes otherwise: і (folded to и) for е, as in
    /// Туркестан and Түркістан, and ы for и, as in Мангистау and Маңғыстау. Short words are left alone: "лес" is no
    /// Kazakh "лис".</summary>
    public static IEnumerable<string> KazakhVowelsOf(string folded)
    {
        if (folded.Length < MinVowelSwap)
        {
            yield break;
        }

        // The first letter keeps its vowel: Russian spells a word-initial Kazakh vowel as it is (Есік, Ертіс).
        if (folded.IndexOf('е', 1) > 0)
        {
            yield return folded[..1] + folded[1..].Replace('е', 'и');
        }

        if (folded.IndexOf('и', 1) > 0)
        {
            yield return folded[..1] + folded[1..].Replace('и', 'ы');
        }
    }

    /// <summary>Terms of the other language derived from a folded word or stem, to match as they are: the Russian
    /// adjective of a place (<c>костанай</c> → <c>костанайск</c>, <c>караганды</c> → <c>карагандинск</c>), the Kazakh one
    /// (<c>казакстан</c> → <c>казакстандык</c>), and the nominative a Kazakh article keeps on a Russian loanword
    /// (<c>компан</c> → <c>компания</c>, <c>экономик</c> → <c>экономика</c>).</summary>
    public static IEnumerable<string> AffixedForms(string word)
    {
        if (word.Length < MinBase || word[^1] is < 'а' or > 'я')
        {
            yield break;
        }

        var stem = "аеиоуыэюя".Contains(word[^1]) ? word[..^1] : word;
        yield return word + "ск";
        yield return stem + "инск";
        yield return word + KazakhAdjective(word[^1]) + "ык";
        yield return word + KazakhAdjective(word[^1]) + "ик";
        // The Russian adjective of a noun: "контейнерные" for "контейнер".
        yield return word + "н";
        yield return word + "а";
        yield return word + "ия";
        yield return word + "я";
    }

    // The Kazakh "-лық" after a vowel or р, у, й; "-дық" after other voiced sounds; "-тық" after voiceless ones.
    private static char KazakhAdjective(char last) => last switch
    {
        _ when "аеиоуыэюяруй".Contains(last) => 'л',
        _ when "лмнзж".Contains(last) => 'д',
        _ => 'т',
    };

    private static string FromLatin(string latin)
    {
        var cyrillic = new StringBuilder(latin.Length);
        for (var i = 0; i < latin.Length;)
        {
            // A doubled Latin letter ("corridor") is single in Russian far more often than not.
            if (i > 0 && latin[i] == latin[i - 1])
            {
                i++;
                continue;
            }

            var digraph = LatinDigraphs.FirstOrDefault(d => latin.AsSpan(i).StartsWith(d.Latin, StringComparison.Ordinal));
            if (digraph.Latin is not null)
            {
                cyrillic.Append(digraph.Cyrillic);
                i += digraph.Latin.Length;
                continue;
            }

            // e at the start of a word is Russian э: economic → экономик.
            cyrillic.Append(i == 0 && latin[i] == 'e' ? "э" : LatinLetters[latin[i]]);
            i++;
        }

        return cyrillic.ToString();
    }

    private static FrozenDictionary<string, string[]> LoadEquivalents(string fileName)
    {
        var name = $"DigestBot.Core.Search.Resources.{fileName}";
        using var stream = typeof(CrossLanguage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"search: unable to find embedded resource {name}");
        using var reader = new StreamReader(stream);
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is not { Length: > 0 } text || text.StartsWith('#'))
            {
                continue;
            }

            var members = text.Split('=', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(member => SearchAnalyzer.Fold(member))
                .ToArray();
            var words = members.SelectMany(member => member.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            var keys = members.Where(member => !member.Contains(' ', StringComparison.Ordinal)).SelectMany(SearchAnalyzer.OwnTerms);
            foreach (var key in keys.Where(key => key.Length >= MinKey))
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new HashSet<string>(StringComparer.Ordinal);
                }

                group.UnionWith(words);
            }
        }

        return groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}
