namespace DigestBot.Core.Text;

/// <summary>
/// A light Kazakh stemmer: strips one case (or verb) ending, then one possessive, then one plural ending,
/// each only in the variant that vowel harmony and the preceding sound allow.
/// </summary>
/// <remarks>
/// The endings are the inflectional subset of the suffix list in maximgorbatyuk/Kazakh-Stemmer-Elasticsearch-Plugin
/// (KazakhStemmerTokenFilter.java, Apache-2.0), regrouped by grammatical slot; its derivational suffixes are left out
/// because they conflate unrelated words.
/// </remarks>
public sealed class KazakhStemmer : IStemmer
{
    private const string Vowels = "аәеиоөуұүыіэюяё";
    private const string BackVowels = "аоұы";
    private const string FrontVowels = "әеөүі";

    // The sound before an ending picks its first consonant: н after vowels and nasals, д after voiced, т after voiceless.
    private const string Voiced = "жзлруйи";
    private const string Nasal = "мнң";
    private const string Voiceless = "кқпстфхцчшщбвгд";
    private const string VoicedOrVowel = Vowels + Voiced + Nasal;
    private const string ThirdPossessive = "ыі";

    // "-стан" ends place names (Қазақстан, Өзбекстан) far more often than it is an ablative ending.
    private const string VoicelessButS = "кқптфхцчшщбвгд";

    private static readonly SuffixRule[] CaseEndings = SuffixRule.LongestFirst(
    [
        // genitive
        .. Both("ның", "нің", Vowels + Nasal), .. Both("дың", "дің", Voiced), .. Both("тың", "тің", Voiceless),
        // accusative (ды/ді after a vowel is the past tense of a verb: "талқылады")
        .. Both("ны", "ні", Vowels), .. Both("ды", "ді", VoicedOrVowel), .. Both("ты", "ті", Voiceless), new("н", ThirdPossessive),
        // dative
        .. Both("ға", "ге", VoicedOrVowel), .. Both("қа", "ке", Voiceless), .. Both("на", "не", ThirdPossessive),
        // locative and its attributive form
        .. Both("да", "де", VoicedOrVowel), .. Both("та", "те", Voiceless), .. Both("нда", "нде", ThirdPossessive),
        .. Both("дағы", "дегі", VoicedOrVowel), .. Both("тағы", "тегі", Voiceless), .. Both("ндағы", "ндегі", ThirdPossessive),
        // ablative
        .. Both("дан", "ден", Vowels + Voiced), new("тен", Voiceless), new("тан", VoicelessButS), .. Both("нан", "нен", Nasal + ThirdPossessive),
        // instrumental
        new("мен", Vowels + "лруйи" + Nasal), new("бен", "жз"), new("пен", Voiceless),
        // verb: participles, converb, present tense
        .. Both("ған", "ген", VoicedOrVowel), .. Both("қан", "кен", Voiceless),
        .. Both("атын", "етін", Voiced + Nasal + Voiceless), .. Both("йтын", "йтін", Vowels),
        .. Both("ады", "еді", Voiced + Nasal + Voiceless), .. Both("йды", "йді", Vowels),
        .. Both("ып", "іп", Voiced + Nasal + Voiceless),
    ]);

    private static readonly SuffixRule[] PossessiveEndings = SuffixRule.LongestFirst(
    [
        // ғ stands only before a vowel, so a word ending in "ғы" is a қ-word with its possessive: "шаруашылығы".
        .. Both("сы", "сі", Vowels), .. Both("ы", "і", Voiced + Nasal + Voiceless + "ғ"),
        .. Both("мыз", "міз", Vowels), .. Both("ымыз", "іміз", Voiced + Nasal + Voiceless),
    ]);

    private static readonly SuffixRule[] PluralEndings = SuffixRule.LongestFirst(
    [
        .. Both("лар", "лер", Vowels + "руй"), .. Both("дар", "дер", "лзжмнң"), .. Both("тар", "тер", Voiceless),
    ]);

    // A possessive needs a three-letter stem, so that "кісі" keeps its "сі"; "ел" may lose a case or plural ending.
    private static readonly (SuffixRule[] Rules, int MinStem)[] Slots = [(CaseEndings, 2), (PossessiveEndings, 3), (PluralEndings, 2)];

    public string Stem(string word)
    {
        var span = word.AsSpan();

        // "ТМД-ға", "ТМД-дағы": an ending written after a hyphen belongs to the word before it.
        var hyphen = span.LastIndexOf('-');
        if (hyphen > 0 && hyphen < span.Length - 1 && IsEndingOnly(span[(hyphen + 1)..]))
        {
            return word[..hyphen];
        }

        var end = span.Length;
        foreach (var (rules, minStem) in Slots)
        {
            TryStrip(span, ref end, rules, minStem);
        }

        if (end == word.Length)
        {
            return word;
        }

        // A final қ or к turns voiced before an ending that starts with a vowel: "министрлік" → "министрлігі",
        // "шаруашылық" → "шаруашылығы". The stem gets its own consonant back; a г after a back vowel may be a
        // loan's own (педагог), so only one after a front vowel is turned back.
        if (Vowels.Contains(word[end]) && end >= 2)
        {
            if (word[end - 1] == 'ғ')
            {
                return string.Concat(word.AsSpan(0, end - 1), "қ");
            }

            if (word[end - 1] == 'г' && FrontVowels.Contains(word[end - 2]))
            {
                return string.Concat(word.AsSpan(0, end - 1), "к");
            }
        }

        return word[..end];
    }

    private static bool IsEndingOnly(ReadOnlySpan<char> tail)
    {
        foreach (var rule in CaseEndings)
        {
            if (tail.SequenceEqual(rule.Suffix))
            {
                return true;
            }
        }

        return false;
    }

    private static void TryStrip(ReadOnlySpan<char> word, ref int end, SuffixRule[] rules, int minStem)
    {
        var current = word[..end];
        foreach (var rule in rules)
        {
            var suffix = rule.Suffix;
            var start = end - suffix.Length;
            if (start < minStem || !current.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = current[..start];
            if (rule.After!.Contains(stem[^1]) && IsLongEnough(stem, suffix.Length) && AgreesInHarmony(stem, suffix))
            {
                end = start;
                return;
            }
        }
    }

    // One-letter endings need a longer stem, so that short bare words ending in н, ы or і stay whole.
    private static bool IsLongEnough(ReadOnlySpan<char> stem, int suffixLength)
    {
        var vowels = 0;
        foreach (var c in stem)
        {
            if (Vowels.Contains(c))
            {
                vowels++;
            }
        }

        return suffixLength == 1 ? vowels >= 2 && stem.Length >= 3 : vowels >= 1;
    }

    // Native stems decide by their last vowel; loans ending in и, у, я, ю, э or ё, or in "-ев", take either ending.
    // The instrumental мен/бен/пен has no back variant.
    private static bool AgreesInHarmony(ReadOnlySpan<char> stem, string suffix)
    {
        if (suffix is "мен" or "бен" or "пен")
        {
            return true;
        }

        var suffixVowel = suffix.AsSpan().IndexOfAny(Vowels);
        if (suffixVowel < 0)
        {
            return true;
        }

        // Russian surnames and loans in "-ев" (Тоқаев, Бейсенбаев) take the back endings of their earlier vowels:
        // "Тоқаевтың", not "Тоқаевтің".
        if (stem.EndsWith("ев", StringComparison.Ordinal))
        {
            return true;
        }

        var stemVowel = stem.LastIndexOfAny(Vowels);
        if (stemVowel < 0)
        {
            return false;
        }

        var last = stem[stemVowel];
        var suffixIsBack = BackVowels.Contains(suffix[suffixVowel]);
        return suffixIsBack ? !FrontVowels.Contains(last) : !BackVowels.Contains(last);
    }

    private static SuffixRule[] Both(string back, string front, string after) => [new(back, after), new(front, after)];
}
