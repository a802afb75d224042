using DigestBot.Core.Feeds;

namespace DigestBot.Core.Importing;

/// <summary>Reads the items of a feed seed file (RSS, Atom or JSON Feed) through <see cref="FeedParser"/>; their HTML becomes plain paragraphs.</summary>
internal static class FeedReader
{
    /// <summary>An RSS or Atom file, item by item from <paramref name="text"/>, which the reading disposes of; a document that
    /// is not a readable feed (a DTD is refused, say) sets the stream's failure.</summary>
    public static IEnumerable<DocumentItem> ReadXml(TextReader text, string start, long maxItemBytes, DocumentStream document)
    {
        using (text)
        {
            var feed = FeedParser.Stream(text, start, maxItemBytes, document.ProblemList);
            foreach (var (number, channel) in feed.Items())
            {
                foreach (var entry in channel.Entries)
                {
                    if (ToItem(entry, number, SourceOf(channel.SiteUrl, channel.Title), document.ProblemList) is { } item)
                    {
                        yield return item;
                    }
                }
            }

            document.Failure = feed.Failure;
        }
    }

    /// <summary>A JSON Feed, read whole; null and why when the text is not a readable feed.</summary>
    public static List<DocumentItem>? ReadJson(string text, List<string> problems, out string? failure)
    {
        if (FeedParser.Parse(text, feedUrl: null, out failure) is not { } feed)
        {
            return null;
        }

        problems.AddRange(feed.Problems);
        var source = SourceOf(feed.SiteUrl, feed.Title);
        var items = new List<DocumentItem>();
        var number = 0;
        foreach (var entry in feed.Entries)
        {
            if (ToItem(entry, ++number, source, problems) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static DocumentItem? ToItem(FeedEntry entry, int number, string? feedSource, List<string> problems)
    {
        var metadata = new ArticleMetadata(entry.Title, feedSource, entry.Link, entry.PublishedAt ?? entry.UpdatedAt);
        var html = entry.ContentHtml ?? entry.SummaryHtml ?? "";
        var item = new DocumentItem(entry.Id ?? entry.Link ?? $"item:{number}", $"item {number}", metadata, Paragraphs.FromLines(HtmlToText.Convert(html)));
        if (item.Paragraphs.Count == 0)
        {
            problems.Add($"{item.Label}: no text");
            return null;
        }

        return item;
    }

    /// <summary>The feed's site as a bare host name ("zakon.kz"), else its title.</summary>
    private static string? SourceOf(string? siteUrl, string? title) =>
        Uri.TryCreate(siteUrl, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? SourceFinder.Normalize(uri.Host)
            : SourceFinder.Normalize(title);
}
