using System.Buffers;
using DigestBot.Core.Articles;

using DigestBot.Core.Text;

namespace DigestBot.Core.Importing;

/// <summary>Tells Russian, Kazakh and English text apart: Latin against Cyrillic letters, then Kazakh-only letters and function words of each language.</summary>
public static class LanguageDetector
{
    /// <summary>Function words are short; a longer word is only looked at for its letters.</summary>
    private const int MaxWordLength = 32;

    private static readonly SearchValues<char> RussianOnlyLetters = SearchValues.Create("ьъщёэ");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RussianWords = Lookup(
        "и", "в", "во", "на", "с", "со", "по", "что", "не", "для", "как", "это", "из", "к", "о", "об", "от", "а", "но", "же",
        "до", "за", "при", "его", "ее", "её", "их", "он", "она", "они", "также", "был", "была", "были", "будет", "который",
        "которые", "которая", "года", "году", "так", "уже", "или", "между", "после", "чтобы", "только", "все", "всех", "этом");

    /// <summary>Two-letter inflections of Russian adjectives, nouns and reflexive verbs that Kazakh words do not end with.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RussianEndings = Lookup(
        "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ых", "их", "ым", "им", "ми", "ся", "ии", "ия", "ов", "ев", "го", "му");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KazakhWords = Lookup(
        "және", "мен", "бен", "пен", "да", "де", "та", "те", "бұл", "осы", "үшін", "деп", "бойынша", "туралы", "арқылы",
        "сондай-ақ", "ретінде", "арасында", "кейін", "дейін", "жылы", "жылғы", "бар", "жоқ", "еді", "болды", "болып",
        "екенін", "деді", "оның", "біз", "олар", "тағы", "қазіргі", "бірақ", "әрі", "немесе", "ол", "мұнда", "барысында");

    /// <summary>Decides on the whole text, so a Russian article with a Kazakh line or two stays Russian and vice versa.</summary>
    public static Language Detect(string text)
    {
        int latin = 0, cyrillic = 0, russian = 0, kazakh = 0;
        Span<char> buffer = stackalloc char[MaxWordLength];
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasKazakhLetter = false;
            while (i < span.Length && (char.IsLetter(span[i]) || (span[i] == '-' && i + 1 < span.Length && char.IsLetter(span[i + 1]))))
            {
                var ch = span[i];
                var lower = InvariantLowerCase.Of(ch);
                if (char.IsAsciiLetter(ch))
                {
                    latin++;
                }
                else if (ch is >= '\u0400' and <= '\u04FF')
                {
                    cyrillic++;
                    hasKazakhLetter |= IsKazakhLetter(lower);
                }

                if (i - start < MaxWordLength)
                {
                    buffer[i - start] = lower;
                }

                i++;
            }

            var word = i - start <= MaxWordLength ? buffer[..(i - start)] : [];
            if (hasKazakhLetter || KazakhWords.Contains(word))
            {
                kazakh++;
            }
            else if (RussianWords.Contains(word) || LooksRussian(word))
            {
                russian++;
            }
        }

        if (latin > cyrillic)
        {
            return Language.En;
        }

        return kazakh > russian ? Language.Kk : Language.Ru;
    }

    /// <summary>Letters Kazakh only borrows with Russian words, or an inflection Kazakh words do not end with.</summary>
    private static bool LooksRussian(ReadOnlySpan<char> word)
    {
        if (word.Length < 4)
        {
            return false;
        }

        return RussianEndings.Contains(word[^2..]) || word.IndexOfAny(RussianOnlyLetters) >= 0;
    }

    private static bool IsKazakhLetter(char lower) => lower is 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'і';

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
