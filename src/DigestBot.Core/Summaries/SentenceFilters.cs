using System.Collections.Frozen;
using DigestBot.Core.Articles;
using DigestBot.Core.Text;

namespace DigestBot.Core.Summaries;

/// <summary>The cleanup rules and cues: sentences a summary must not use, or may use only right after the sentence before them.</summary>
internal static class SentenceFilters
{
    public const int MinWords = 4;
    public const int MinChars = 30;

    private const int MaxStackSentence = 512;

    // Matched against the lowercased sentence; credits, sources and calls to subscribe or read elsewhere.
    private static readonly string[] BoilerplateStarts =
    [
        "фото", "видео", "источник", "читайте также", "читайте нас", "подписывайтесь", "подпишитесь", "реклама",
        "сурет", "дереккөз", "толығырақ", "жазылыңыз",
        "photo", "source:", "read more", "read also", "subscribe", "advertisement", "follow us",
    ];

    private static readonly string[] BoilerplateAnywhere =
    [
        "http://", "https://", "www.", "©", "подписывайтесь", "подпишитесь на", "наш telegram", "в нашем telegram",
        "telegram-канал", "арнасынан таба аласыз", "арнамызға жазыл", "парақшамызға жазыл", "subscribe to",
        "follow us on", "all rights reserved", "все права защищены",
    ];

    // First words that point back to a sentence the reader has not seen.
    private static readonly FrozenDictionary<Language, string[]> AnaphoraStarts = new Dictionary<Language, string[]>
    {
        [Language.Ru] =
        [
            "он", "она", "оно", "они", "его", "ее", "её", "их", "ему", "ей", "им", "это", "этот", "эта", "эти", "этого", "этом",
            "также", "кроме того", "при этом", "тем не менее", "однако", "поэтому", "в свою очередь", "вместе с тем", "тогда",
            "там", "такой", "такая", "такие", "там же", "помимо этого", "в том числе", "в частности", "напомним",
        ],
        [Language.Kk] =
        [
            "ол", "олар", "оның", "олардың", "оған", "оны", "бұл", "бұның", "осы", "сол", "сондай-ақ", "сонымен қатар",
            "сонымен", "сондықтан", "алайда", "ал", "мұнда", "онда", "өз кезегінде", "соның ішінде", "айта кетейік",
        ],
        [Language.En] =
        [
            "he", "she", "it", "they", "his", "her", "their", "this", "these", "those", "that", "also", "however",
            "there", "such", "meanwhile", "in addition", "moreover",
        ],
    }.ToFrozenDictionary();

    // Endings of a last word that make a line without final punctuation read as a sentence, not a heading.
    private static readonly FrozenDictionary<Language, string[]> VerbEndings = new Dictionary<Language, string[]>
    {
        [Language.Ru] = ["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ит", "ут", "ют", "ат", "ят", "ся", "ть", "ешь", "ишь", "ем", "им"],
        [Language.Kk] = ["ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен", "мақ", "мек", "тыр", "тір", "дыр", "дір", "мыз", "міз", "мын", "мін", "йды", "йді"],
        [Language.En] = ["ed", "es", "s"],
    }.ToFrozenDictionary();

    public static bool IsBoilerplate(string sentence)
    {
        // Lowercased from the table, not by string.ToLowerInvariant, which asks ICU for every Cyrillic letter; the cues
        // hold no surrogate pairs, the one place where the two could differ.
        Span<char> lower = sentence.Length <= MaxStackSentence ? stackalloc char[sentence.Length] : new char[sentence.Length];
        for (var i = 0; i < sentence.Length; i++)
        {
            lower[i] = InvariantLowerCase.Of(sentence[i]);
        }

        foreach (var start in BoilerplateStarts)
        {
            if (lower.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var fragment in BoilerplateAnywhere)
        {
            if (lower.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A quotation («…», "…") or a line of dialogue with no words of the writer around it.</summary>
    public static bool IsQuoteOnly(string sentence)
    {
        var text = sentence.AsSpan().TrimEnd(".!?…, ");
        if (text.Length == 0)
        {
            return false;
        }

        // The quotation must close only at the very end, or the sentence goes on after it ("«AMANAT» партиясы ...").
        return text[0] is '–' or '—' || LeadingQuotationEnd(text) == text.Length - 1;
    }

    /// <summary>
    /// A quotation followed only by who said it («…», – деді әкім; "…," the minister said): a voice, not the news,
    /// and summaries written by editors report what happened rather than quote.
    /// </summary>
    public static bool IsDirectSpeech(string sentence)
    {
        var text = sentence.AsSpan().TrimEnd(".!?…, ");
        var end = LeadingQuotationEnd(text);
        if (end < 0 || end == text.Length - 1)
        {
            return false;
        }

        var rest = text[(end + 1)..].TrimStart(",.!?… ");
        if (rest.Length > 0 && rest[0] is '–' or '—' or '-')
        {
            return true;
        }

        // English puts the speaker after a comma inside the quotation: "…," the minister said.
        var words = 0;
        var enumerator = new Tokenizer.WordEnumerator(rest);
        while (enumerator.MoveNext() && words++ < 4)
        {
            if (rest[enumerator.Current] is "said" or "says" or "told" or "added")
            {
                return true;
            }
        }

        return false;
    }

    // Where the quotation that opens the text closes, or -1 when the text does not open with one or it never closes.
    private static int LeadingQuotationEnd(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return -1;
        }

        var closing = text[0] switch
        {
            '«' => '»',
            '„' => '“',
            '“' => '”',
            '"' => '"',
            _ => '\0',
        };
        if (closing == '\0')
        {
            return -1;
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == text[0] && (closing != text[0] || i == 0))
            {
                depth++;
            }
            else if (text[i] == closing)
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public static bool IsTooShort(string sentence)
    {
        if (sentence.Length < MinChars)
        {
            return true;
        }

        var words = 0;
        var enumerator = new Tokenizer.WordEnumerator(sentence);
        while (enumerator.MoveNext() && words < MinWords)
        {
            words++;
        }

        return words < MinWords;
    }

    /// <summary>A line without final punctuation whose last word does not look like a verb: a heading or a caption.</summary>
    public static bool IsHeading(string sentence, Language language)
    {
        var text = sentence.AsSpan().TrimEnd(")»\"”“' ");
        if (text.Length == 0 || text[^1] is '.' or '!' or '?' or '…')
        {
            return false;
        }

        var lastWord = text;
        var enumerator = new Tokenizer.WordEnumerator(text);
        while (enumerator.MoveNext())
        {
            lastWord = text[enumerator.Current];
        }

        var word = Tokenizer.Normalize(lastWord);
        foreach (var ending in VerbEndings[language])
        {
            if (word.Length > ending.Length + 1 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Starts with a pronoun or connective that needs the sentence before it ("Он", "Бұл", "Also").</summary>
    public static bool StartsWithAnaphora(string sentence, Language language)
    {
        var text = sentence.AsSpan().TrimStart("«\"„“( ");
        foreach (var start in AnaphoraStarts[language])
        {
            if (text.Length > start.Length
                && text.StartsWith(start, StringComparison.OrdinalIgnoreCase)
                && !Tokenizer.IsWordChar(text[start.Length])
                && text[start.Length] != '-')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Holds a figure other than a bare year: an amount, a count, a share, a date in a month.
    /// News states its key numbers; background and mission statements rarely have any.
    /// </summary>
    public static bool HasQuantity(string sentence)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            if (!char.IsAsciiDigit(sentence[i]))
            {
                continue;
            }

            var start = i;
            while (i < sentence.Length && char.IsAsciiDigit(sentence[i]))
            {
                i++;
            }

            if (!IsBareYear(sentence.AsSpan(), start, i))
            {
                return true;
            }
        }

        return false;
    }

    // "2025 года", "1990-е", "2026 жылы": four digits from 1900 to 2099 standing alone.
    private static bool IsBareYear(ReadOnlySpan<char> text, int start, int end)
    {
        if (end - start != 4 || !(text[start..].StartsWith("19") || text[start..].StartsWith("20")))
        {
            return false;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        return !char.IsAsciiDigit(before) && before is not ',' and not '.' && !(after is ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]));
    }

    /// <summary>Whether a summary may use the sentence at all, whatever else it picks.</summary>
    public static bool IsUsable(string sentence, Language language) =>
        !IsTooShort(sentence) && !IsBoilerplate(sentence) && !IsQuoteOnly(sentence) && !IsDirectSpeech(sentence)
        && !IsHeading(sentence, language);
}
