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
    private const int HeaderLines = 8;

    private const int MaxHeadlineLength = 200;

    public static PageLayout Analyze(IReadOnlyList<string> units, string? knownTitle)
    {
        var bylines = new List<string>();
        string? lead = null;
        var headline = -1;
        for (var i = 0; i < units.Count && i < HeaderLines; i++)
        {
            var unit = units[i];
            if (BoilerplateLines.IsHeaderNoise(unit))
            {
                AddIfByline(bylines, unit);
                continue;
            }

            if (knownTitle is not null ? SameText(unit, knownTitle) : IsHeadline(unit))
            {
                headline = i;
                break;
            }

            if (knownTitle is not null || lead is not null || !IsLead(unit))
            {
                break;
            }

            lead = unit;
        }

        var bodyStart = headline + 1;
        while (bodyStart < units.Count && BoilerplateLines.IsHeaderNoise(units[bodyStart]))
        {
            AddIfByline(bylines, units[bodyStart]);
            bodyStart++;
        }

        return headline < 0
            ? new PageLayout(null, bodyStart, null, bylines)
            : new PageLayout(units[headline], bodyStart, lead, bylines);
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

    private static void AddIfByline(List<string> bylines, string line)
    {
        if (BoilerplateLines.IsByline(line))
        {
            bylines.Add(line);
        }
    }

    [GeneratedRegex(@"(?<=[\p{Ll}\d»""”)])[.!?…](?=\s+[«""“]?\p{Lu}|\s*$)")]
    private static partial Regex SentenceEnd();
}
