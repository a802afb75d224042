namespace DigestBot.Core.Text;

/// <summary>The Snowball Russian stemming algorithm (snowballstem.org/algorithms/russian), over lowercase words.</summary>
public sealed class RussianStemmer : IStemmer
{
    private const string Vowels = "аеиоуыэюя";
    private const string AfterAOrYa = "ая";

    private static readonly SuffixRule[] PerfectiveGerund = Rules(
        ["в", "вши", "вшись"],
        ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]);

    private static readonly SuffixRule[] Adjective = Rules(
        [],
        ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому",
         "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"]);

    private static readonly SuffixRule[] Participle = Rules(
        ["ем", "нн", "вш", "ющ", "щ"],
        ["ивш", "ывш", "ующ"]);

    private static readonly SuffixRule[] Reflexive = Rules([], ["ся", "сь"]);

    private static readonly SuffixRule[] Verb = Rules(
        ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"],
        ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло",
         "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"]);

    private static readonly SuffixRule[] Noun = Rules(
        [],
        ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям",
         "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"]);

    private static readonly SuffixRule[] Derivational = Rules([], ["ост", "ость"]);

    private static readonly SuffixRule[] TidyUp = Rules([], ["ейш", "ейше", "н", "ь"]);

    public string Stem(string word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().CopyTo(buffer);
        buffer.Replace('ё', 'е');

        var (pV, p2) = MarkRegions(buffer);
        var end = buffer.Length;
        if (!TryRemove(buffer, ref end, pV, PerfectiveGerund))
        {
            TryRemove(buffer, ref end, pV, Reflexive);
            if (TryRemove(buffer, ref end, pV, Adjective))
            {
                TryRemove(buffer, ref end, pV, Participle);
            }
            else if (!TryRemove(buffer, ref end, pV, Verb))
            {
                TryRemove(buffer, ref end, pV, Noun);
            }
        }

        if (end > pV && buffer[end - 1] == 'и')
        {
            end--;
        }

        var derivational = SuffixRule.FindLongest(buffer[..end], pV, Derivational);
        if (derivational >= 0 && end - Derivational[derivational].Suffix.Length >= p2)
        {
            end -= Derivational[derivational].Suffix.Length;
        }

        TidyUpEnding(buffer, ref end, pV);
        return end == word.Length && buffer.SequenceEqual(word.AsSpan()) ? word : new string(buffer[..end]);
    }

    private static void TidyUpEnding(Span<char> buffer, ref int end, int pV)
    {
        var match = SuffixRule.FindLongest(buffer[..end], pV, TidyUp);
        if (match < 0)
        {
            return;
        }

        switch (TidyUp[match].Suffix)
        {
            case "н":
                if (end - 2 >= pV && buffer[end - 2] == 'н')
                {
                    end--;
                }

                break;
            case "ь":
                end--;
                break;
            default:
                end -= TidyUp[match].Suffix.Length;
                if (end - 2 >= pV && buffer[end - 1] == 'н' && buffer[end - 2] == 'н')
                {
                    end--;
                }

                break;
        }
    }

    // pV follows the first vowel; p2 is R2 as in every Snowball stemmer.
    private static (int PV, int P2) MarkRegions(ReadOnlySpan<char> word)
    {
        var pV = word.Length;
        var p2 = word.Length;
        var i = word.IndexOfAny(Vowels);
        if (i < 0)
        {
            return (pV, p2);
        }

        pV = i + 1;
        i = SkipPast(word, pV, vowel: false);
        i = SkipPast(word, i, vowel: true);
        i = SkipPast(word, i, vowel: false);
        p2 = Math.Min(i, word.Length);
        return (pV, p2);
    }

    private static int SkipPast(ReadOnlySpan<char> word, int from, bool vowel)
    {
        for (var i = from; i < word.Length; i++)
        {
            if (Vowels.Contains(word[i]) == vowel)
            {
                return i + 1;
            }
        }

        return word.Length;
    }

    private static bool TryRemove(ReadOnlySpan<char> buffer, ref int end, int limit, SuffixRule[] rules)
    {
        var match = SuffixRule.FindLongest(buffer[..end], limit, rules);
        if (match < 0)
        {
            return false;
        }

        var rule = rules[match];
        var start = end - rule.Suffix.Length;
        if (rule.After is { } after && (start - 1 < limit || !after.Contains(buffer[start - 1])))
        {
            return false;
        }

        end = start;
        return true;
    }

    private static SuffixRule[] Rules(string[] afterAOrYa, string[] anywhere) =>
        SuffixRule.LongestFirst(afterAOrYa.Select(s => new SuffixRule(s, AfterAOrYa)).Concat(anywhere.Select(s => new SuffixRule(s))));
}
