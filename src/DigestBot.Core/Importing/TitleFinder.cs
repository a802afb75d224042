using System.Text.RegularExpressions;

namespace DigestBot.Core.Importing;

/// <summary>Where the article starts on a page: its headline, an optional lead printed above it, and the header lines to skip.</summary>
/// <param name="Lead">A sentence printed above the headline; kept as the first paragraph unless the body repeats it.</param>
/// <param name="Bylines">Author lines of the header, dropped again where the page repeats them.</param>
internal sealed record PageLayout(string? Headline, int BodyStart, string? Lead, IReadOnlyList<string> Bylines);

/// <summary>Finds the headline among the first lines of a page, or makes a short title from the first sentence.</summary>
internal static partial class TitleFinder
{
    public const int MaxTitleLength = 100;

    /// <summary>A headline sits among the first lines; past these the text is the article.</summary>
    private const int HeaderLines = 12;

    private const int MaxHeadlineLength = 200;

    /// <summary>A rubric, a site's name or an author's name is a line of at most this many words.</summary>
    private const int MaxLabelWords = 3;

    /// <summary>Words compared by their start, so that inflected forms meet: "лагерлерінде" and "лагерьде", "production" and "produced".</summary>
    private const int WordStem = 5;

    /// <summary>How much of the first paragraph a headline is compared with: its first sentence or two.</summary>
    private const int LeadSpan = 300;

    public static PageLayout Analyze(IReadOnlyList<string> units, string? knownTitle)
    {
        var bylines = new List<string>();
        string? lead = null;
        var noise = new HeaderNoise(units);
        var headline = knownTitle is null ? ChooseHeadline(units, noise, out lead) : FindStated(units, knownTitle);
        for (var i = 0; i < headline; i++)
        {
            AddIfByline(bylines, units[i]);
        }

        var bodyStart = headline + 1;
        while (bodyStart < units.Count && (noise[bodyStart] || IsLabel(units[bodyStart])))
        {
            AddIfByline(bylines, units[bodyStart]);
            bodyStart++;
        }

        return headline < 0
            ? new PageLayout(null, bodyStart, null, bylines)
            : new PageLayout(units[headline], bodyStart, lead, bylines);
    }

    /// <summary>
    /// Scores every early line that has a headline's shape and is not a label (a rubric, a site's or an author's name):
    /// a headline shares words with the paragraph under it and stands right above it, with only bylines, datelines and
    /// counters between. A single sentence above the headline is its lead; a second paragraph means the article has begun.
    /// </summary>
    private static int ChooseHeadline(IReadOnlyList<string> units, HeaderNoise noise, out string? lead)
    {
        lead = null;
        int best = -1, leadIndex = -1;
        var bestScore = int.MinValue;
        for (var i = 0; i < units.Count && i < HeaderLines; i++)
        {
            var unit = units[i];
            if (noise[i])
            {
                continue;
            }

            if (IsProse(unit))
            {
                if (leadIndex >= 0 || !IsLead(unit))
                {
                    break;
                }

                leadIndex = i;
                continue;
            }

            if (!IsHeadline(unit) || IsUppercaseRubric(unit))
            {
                continue;
            }

            var body = NextSentence(units, noise, i + 1);
            var shared = body < 0 ? 0 : SharedWords(unit, units[body]);
            if (IsLabel(unit) && shared < 2)
            {
                continue;
            }

            var score = (2 * shared) - (3 * LinesBetween(units, noise, i, body)) + (WordCount(unit) > MaxLabelWords ? 1 : 0);
            if (score >= bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        if (best > leadIndex && leadIndex >= 0)
        {
            lead = units[leadIndex];
        }

        return best;
    }

    /// <summary>The stated title among the first lines, past the header's noise and labels.</summary>
    private static int FindStated(IReadOnlyList<string> units, string knownTitle)
    {
        for (var i = 0; i < units.Count && i < HeaderLines; i++)
        {
            var unit = units[i];
            if (SameText(unit, knownTitle))
            {
                return i;
            }

            if (!BoilerplateLines.IsHeaderNoise(unit) && !IsLabel(unit))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A short single sentence without a full stop at its end (headlines may end with "?" or "!").</summary>
    public static bool LooksLikeHeadline(string line) =>
        line.Length <= MaxHeadlineLength
        && !BoilerplateLines.IsTruncated(line)
        && !BoilerplateLines.HasSeveralSentences(line)
        && line.AsSpan().TrimEnd("»\"”’')]") is [.., not ('.' or ',' or ':' or ';')];

    /// <summary>The first sentence of <paramref name="paragraph"/>, cut at a word boundary to at most <see cref="MaxTitleLength"/> characters.</summary>
    public static string FromFirstSentence(string paragraph)
    {
        var end = SentenceEnd().Match(paragraph);
        var sentence = (end.Success ? paragraph[..(end.Index + 1)] : paragraph).TrimEnd('.', ' ');
        if (sentence.Length <= MaxTitleLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxTitleLength - 1);
        var head = sentence[..(cut > 0 ? cut : MaxTitleLength - 1)].TrimEnd(' ', ',', ';', ':', '–', '—', '-');
        return head + "…";
    }

    /// <summary>Units and stated titles are already white-space collapsed, so only case is folded.</summary>
    public static bool SameText(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool IsHeadline(string line) =>
        line.Length >= 10
        && line.Contains(' ')
        && (char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '«' or '"' or '“')
        && LooksLikeHeadline(line);

    /// <summary>A single sentence printed above the headline, as some sites do with their lead.</summary>
    private static bool IsLead(string line) =>
        line.Length <= 300 && BoilerplateLines.EndsSentence(line) && !BoilerplateLines.HasSeveralSentences(line);

    /// <summary>A paragraph of the article: a full sentence of some length, several sentences, or longer than any headline.</summary>
    private static bool IsProse(string line) =>
        line.Length > MaxHeadlineLength || BoilerplateLines.HasSeveralSentences(line) || (line.Length >= 60 && BoilerplateLines.EndsSentence(line));

    /// <summary>
    /// A short unpunctuated line of the header: a one-word rubric ("Экономика") or a name of two or three capitalised words
    /// ("Ольга Ли", "Айгүл Серікқызы", "Новости Караганды"). A short headline has lowercase words: "Выборы в маслихат".
    /// </summary>
    private static bool IsLabel(string line)
    {
        if (BoilerplateLines.EndsSentence(line) || line.Contains(':'))
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 || (words.Length <= MaxLabelWords && words.All(word => char.IsUpper(word[0])));
    }

    /// <summary>"ПРОИСШЕСТВИЯ", "ҚАЗАҚСТАН ЖАҢАЛЫҚТАРЫ": a rubric set in capitals.</summary>
    private static bool IsUppercaseRubric(string line) =>
        WordCount(line) <= 2 * MaxLabelWords && line.Any(char.IsLetter) && !line.Any(char.IsLower);

    /// <summary>The first line under a candidate that is a sentence of the article, past bylines, datelines and labels.</summary>
    private static int NextSentence(IReadOnlyList<string> units, HeaderNoise noise, int from)
    {
        for (var i = from; i < units.Count && i < from + HeaderLines; i++)
        {
            if (!noise[i] && !IsLabel(units[i]) && (IsProse(units[i]) || BoilerplateLines.EndsSentence(units[i])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Lines between a candidate and the paragraph under it that are neither noise nor labels: other headline candidates.</summary>
    private static int LinesBetween(IReadOnlyList<string> units, HeaderNoise noise, int candidate, int body)
    {
        var count = 0;
        for (var i = candidate + 1; i < body; i++)
        {
            if (!noise[i] && !IsLabel(units[i]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Words of the line (three letters or more) whose start also starts a word of the paragraph's opening.</summary>
    private static int SharedWords(string line, string paragraph)
    {
        var opening = Stems(paragraph.Length > LeadSpan ? paragraph[..LeadSpan] : paragraph);
        return Stems(line).Count(opening.Contains);
    }

    private static HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(text))
        {
            var value = word.Value.ToLowerInvariant();
            stems.Add(value.Length > WordStem ? value[..WordStem] : value);
        }

        return stems;
    }

    private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static void AddIfByline(List<string> bylines, string line)
    {
        if (BoilerplateLines.IsByline(line))
        {
            bylines.Add(line);
        }
    }

    [GeneratedRegex(@"[\p{L}\d]{3,}")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[\p{Ll}\d»""”)])[.!?…](?=\s+[«""“]?\p{Lu}|\s*$)")]
    private static partial Regex SentenceEnd();

    /// <summary>Whether each line of the page is header noise, worked out once: the scoring looks at each early line several times.</summary>
    private sealed class HeaderNoise(IReadOnlyList<string> units)
    {
        private readonly sbyte[] known = new sbyte[units.Count];

        public bool this[int index]
        {
            get
            {
                if (known[index] == 0)
                {
                    known[index] = BoilerplateLines.IsHeaderNoise(units[index]) ? (sbyte)1 : (sbyte)-1;
                }

                return known[index] > 0;
            }
        }
    }
}
