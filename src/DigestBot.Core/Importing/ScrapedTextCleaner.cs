namespace DigestBot.Core.Importing;

/// <summary>Keeps the paragraphs of the article and drops everything else a scraped page carries.</summary>
internal static class ScrapedTextCleaner
{
    /// <summary>Lines of a link list are short; a longer line after a widget heading is the article going on.</summary>
    private const int MaxTeaserLength = 160;

    /// <summary>Three or more short unpunctuated lines closing a page are a list of links to other pages.</summary>
    private const int MinTrailingLinkList = 3;

    private static readonly char[] Bullets = ['•', '·', '▪', '●', '◦', ' '];

    public static List<string> Clean(IReadOnlyList<string> units, PageLayout layout, string? title)
    {
        var kept = new List<string>(units.Count);
        var inWidget = false;
        for (var i = layout.BodyStart; i < units.Count; i++)
        {
            var line = units[i].TrimStart(Bullets);
            if (BoilerplateLines.OpensComments(line))
            {
                break;
            }

            if (BoilerplateLines.IsWidgetHeading(line))
            {
                inWidget = true;
                continue;
            }

            if (inWidget && IsTeaser(line))
            {
                continue;
            }

            inWidget = false;
            if (!BoilerplateLines.IsNoise(line) && !IsRepeatedHeader(line, title, layout.Bylines))
            {
                kept.Add(line);
            }
        }

        TrimTrailingTeasers(kept);
        if (layout.Lead is { } lead && !kept.Exists(paragraph => paragraph.Contains(lead, StringComparison.Ordinal)))
        {
            kept.Insert(0, lead);
        }

        return kept;
    }

    private static bool IsTeaser(string line) =>
        BoilerplateLines.IsTruncated(line)
        || BoilerplateLines.IsNoise(line)
        || (line.Length <= MaxTeaserLength && !BoilerplateLines.HasSeveralSentences(line));

    private static bool IsRepeatedHeader(string line, string? title, IReadOnlyList<string> bylines) =>
        (title is not null && TitleFinder.SameText(line, title)) || bylines.Any(byline => TitleFinder.SameText(line, byline));

    /// <summary>Teasers of other articles close many pages: a headline, then its first lines cut off with an ellipsis.</summary>
    private static void TrimTrailingTeasers(List<string> kept)
    {
        while (kept.Count > 0 && BoilerplateLines.IsTruncated(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
            if (kept.Count > 0 && TitleFinder.LooksLikeHeadline(kept[^1]))
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }

        var run = 0;
        while (run < kept.Count && IsLinkListLine(kept[^(run + 1)]))
        {
            run++;
        }

        if (run >= MinTrailingLinkList)
        {
            kept.RemoveRange(kept.Count - run, run);
        }
    }

    private static bool IsLinkListLine(string line) =>
        line.Length <= MaxTeaserLength && TitleFinder.LooksLikeHeadline(line) && !IsListItem(line);

    private static bool IsListItem(string line) => line[0] is '-' or '–' or '—' or '*' || char.IsDigit(line[0]);
}
