using System.Collections.Frozen;

namespace DigestBot.Core.Text;

/// <summary>The Porter2 (Snowball English) stemming algorithm (snowballstem.org/algorithms/english), over lowercase words.</summary>
public sealed class EnglishStemmer : IStemmer
{
    private static readonly FrozenDictionary<string, string> Exceptions = new Dictionary<string, string>
    {
        ["skis"] = "ski",
        ["skies"] = "sky",
        ["dying"] = "die",
        ["lying"] = "lie",
        ["tying"] = "tie",
        ["idly"] = "idl",
        ["gently"] = "gentl",
        ["ugly"] = "ugli",
        ["early"] = "earli",
        ["only"] = "onli",
        ["singly"] = "singl",
        ["sky"] = "sky",
        ["news"] = "news",
        ["howe"] = "howe",
        ["atlas"] = "atlas",
        ["cosmos"] = "cosmos",
        ["bias"] = "bias",
        ["andes"] = "andes",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> InvariantAfterStep1A =
        FrozenSet.ToFrozenSet(["inning", "outing", "canning", "herring", "earring", "evening", "proceed", "exceed", "succeed"]);

    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen"];

    private static readonly (string Suffix, string Replacement)[] Step2Rules = LongestFirst(
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"), ("izer", "ize"),
        ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
        ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"),
        ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""));

    private static readonly (string Suffix, string Replacement)[] Step3Rules = LongestFirst(
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""), ("ative", ""));

    private static readonly string[] Step4Suffixes = [.. new[]
    {
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
    }.OrderByDescending(s => s.Length)];

    public string Stem(string word)
    {
        if (Exceptions.TryGetValue(word, out var exception))
        {
            return exception;
        }

        if (word.Length < 3)
        {
            return word;
        }

        var w = Prelude(word);
        var (p1, p2) = MarkRegions(w);
        w = Step1A(w);
        if (InvariantAfterStep1A.Contains(w))
        {
            return w;
        }

        w = Step1B(w, p1);
        w = Step1C(w);
        w = Step2(w, p1);
        w = Step3(w, p1, p2);
        w = Step4(w, p2);
        w = Step5(w, p1, p2);
        return w.Replace('Y', 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static string Prelude(string word)
    {
        var chars = word.StartsWith('\'') ? word[1..].ToCharArray() : word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == 'y' && (i == 0 || IsVowel(chars[i - 1])))
            {
                chars[i] = 'Y';
            }
        }

        return new string(chars);
    }

    private static (int P1, int P2) MarkRegions(string w)
    {
        var prefix = Array.Find(RegionPrefixes, w.StartsWith);
        var p1 = prefix?.Length ?? AfterVowelThenConsonant(w, 0);
        return (p1, AfterVowelThenConsonant(w, p1));
    }

    private static int AfterVowelThenConsonant(string w, int from)
    {
        for (var i = from + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    // A short syllable ends the word before `end`: non-vowel (not w, x, Y), vowel, non-vowel; or vowel, non-vowel at the start.
    private static bool EndsWithShortSyllable(string w, int end)
    {
        if (end >= 3)
        {
            var c = w[end - 1];
            return !IsVowel(c) && c is not ('w' or 'x' or 'Y') && IsVowel(w[end - 2]) && !IsVowel(w[end - 3]);
        }

        return end == 2 && IsVowel(w[0]) && !IsVowel(w[1]);
    }

    private static bool HasVowel(string w, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Step1A(string w)
    {
        foreach (var apostrophe in (ReadOnlySpan<string>)["'s'", "'s", "'"])
        {
            if (w.EndsWith(apostrophe, StringComparison.Ordinal))
            {
                w = w[..^apostrophe.Length];
                break;
            }
        }

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w.Length > 4 ? w[..^2] : w[..^1];
        }

        if (w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w;
        }

        return w.EndsWith('s') && HasVowel(w, w.Length - 2) ? w[..^1] : w;
    }

    private static string Step1B(string w, int p1)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["eedly", "eed"])
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w.Length - suffix.Length >= p1 ? w[..^suffix.Length] + "ee" : w;
            }
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ingly", "edly", "ing", "ed"])
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = w[..^suffix.Length];
            if (!HasVowel(stem, stem.Length))
            {
                return w;
            }

            if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
            {
                return stem + "e";
            }

            if (EndsWithDouble(stem))
            {
                // "added" keeps its "dd": a double after a lone leading a/e/o stays.
                return stem.Length == 3 && stem[0] is 'a' or 'e' or 'o' ? stem : stem[..^1];
            }

            return stem.Length == p1 && EndsWithShortSyllable(stem, stem.Length) ? stem + "e" : stem;
        }

        return w;
    }

    private static bool EndsWithDouble(string w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    private static string Step1C(string w) =>
        w.Length > 2 && w[^1] is 'y' or 'Y' && !IsVowel(w[^2]) ? w[..^1] + "i" : w;

    private static string Step2(string w, int p1)
    {
        var rule = Array.FindIndex(Step2Rules, r => w.EndsWith(r.Suffix, StringComparison.Ordinal));
        if (rule < 0)
        {
            return w;
        }

        var (suffix, replacement) = Step2Rules[rule];
        var start = w.Length - suffix.Length;
        if (start < p1)
        {
            return w;
        }

        return suffix switch
        {
            "ogi" => start > 0 && w[start - 1] == 'l' ? w[..start] + replacement : w,
            "li" => start > 0 && w[start - 1] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't' ? w[..start] : w,
            _ => w[..start] + replacement,
        };
    }

    private static string Step3(string w, int p1, int p2)
    {
        var rule = Array.FindIndex(Step3Rules, r => w.EndsWith(r.Suffix, StringComparison.Ordinal));
        if (rule < 0)
        {
            return w;
        }

        var (suffix, replacement) = Step3Rules[rule];
        var start = w.Length - suffix.Length;
        if (start < p1 || (suffix == "ative" && start < p2))
        {
            return w;
        }

        return w[..start] + replacement;
    }

    private static string Step4(string w, int p2)
    {
        var suffix = Array.Find(Step4Suffixes, s => w.EndsWith(s, StringComparison.Ordinal));
        if (suffix is null)
        {
            return w;
        }

        var start = w.Length - suffix.Length;
        if (start < p2)
        {
            return w;
        }

        return suffix != "ion" || (start > 0 && w[start - 1] is 's' or 't') ? w[..start] : w;
    }

    private static string Step5(string w, int p1, int p2)
    {
        var start = w.Length - 1;
        if (w.EndsWith('e'))
        {
            return start >= p2 || (start >= p1 && !EndsWithShortSyllable(w, start)) ? w[..start] : w;
        }

        return w.EndsWith("ll", StringComparison.Ordinal) && start >= p2 ? w[..start] : w;
    }

    private static (string, string)[] LongestFirst(params (string Suffix, string Replacement)[] rules) =>
        [.. rules.OrderByDescending(rule => rule.Suffix.Length)];
}
