using DigestBot.Core.Feeds;

namespace DigestBot.Core.Importing;

/// <summary>Reads the items of a feed seed file (RSS, Atom or JSON Feed) through <see cref="FeedParser"/>; their HTML becomes plain paragraphs.</summary>
internal static class FeedReader
{
    /// <summary>Returns the items, or null and why when the text is not a readable feed (a DTD is refused, say).</summary>
    public static List<DocumentItem>? Read(string text, List<string> problems, out string? failure)
    {
        if (FeedParser.Parse(text, feedUrl: null, out failure) is not { } feed)
        {
            return null;
        }

        problems.AddRange(feed.Problems);
        var feedSource = SourceOf(feed.SiteUrl, feed.Title);
        var items = new List<DocumentItem>();
        var number = 0;
        foreach (var entry in feed.Entries)
        {
            number++;
            var metadata = new ArticleMetadata(entry.Title, feedSource, entry.Link, entry.PublishedAt ?? entry.UpdatedAt);
            var html = entry.ContentHtml ?? entry.SummaryHtml ?? "";
            var item = new DocumentItem(entry.Id ?? entry.Link ?? $"item:{number}", $"item {number}", metadata, Paragraphs.FromLines(HtmlToText.Convert(html)));
            if (item.Paragraphs.Count == 0)
            {
                problems.Add($"{item.Label}: no text");
                continue;
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>The feed's site as a bare host name ("zakon.kz"), else its title.</summary>
    private static string? SourceOf(string? siteUrl, string? title) =>
        Uri.TryCreate(siteUrl, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? SourceFinder.Normalize(uri.Host)
            : SourceFinder.Normalize(title);
}
