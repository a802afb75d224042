namespace DigestBot.Core.Importing;

/// <summary>Cleans one item's text and fills in what the document did not state: title, date, source, language.</summary>
internal static class ArticleBuilder
{
    /// <summary>Datelines stand just under the headline or at the very end of a page.</summary>
    private const int DateLineWindow = 8;

    /// <summary>Returns the draft, or null and the reason nothing was left of the item.</summary>
    public static ArticleDraft? Build(DocumentItem item, out string? failure)
    {
        var metadata = item.Metadata;
        var units = item.Paragraphs;
        var knownTitle = metadata.Title is { } stated ? Paragraphs.Collapse(stated) : null;
        var layout = TitleFinder.Analyze(units, knownTitle);
        var title = knownTitle ?? layout.Headline;
        var paragraphs = ScrapedTextCleaner.Clean(units, layout, title);
        if (paragraphs.Count == 0)
        {
            failure = "no article text left after cleaning";
            return null;
        }

        failure = null;
        var body = string.Join("\n\n", paragraphs);
        return new ArticleDraft(
            item.ItemKey,
            title ?? TitleFinder.FromFirstSentence(paragraphs[0]),
            body,
            metadata.Language ?? LanguageDetector.Detect(body),
            metadata.Source ?? SourceFinder.Find(units),
            metadata.Url,
            metadata.PublishedAt ?? FindDateLine(units),
            metadata.Topics ?? []);
    }

    /// <summary>
    /// The first dateline near the top or the end of the page; a date labelled as an update counts only when the page gives
    /// no other. A byline may carry the date ("By Aiman Nakispekova in Business on 7 June 2024").
    /// </summary>
    private static DateTimeOffset? FindDateLine(IReadOnlyList<string> units)
    {
        DateTimeOffset? update = null;
        for (var i = 0; i < units.Count; i++)
        {
            if (i >= DateLineWindow && i < units.Count - DateLineWindow)
            {
                continue;
            }

            if (PublishedDateParser.IsDateLine(units[i], out var date, out var updated))
            {
                if (!updated)
                {
                    return date;
                }

                update ??= date;
            }
            else if (BoilerplateLines.IsByline(units[i]) && PublishedDateParser.Parse(units[i]) is { } signed)
            {
                return signed;
            }
        }

        return update;
    }
}
