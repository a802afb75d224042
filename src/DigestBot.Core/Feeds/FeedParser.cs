using System.Text.RegularExpressions;

namespace DigestBot.Core.Feeds;

/// <summary>Reads RSS (0.9x, 1.0/RDF, 2.0), Atom 1.0 and JSON Feed 1.x into one shape, whatever a publisher got wrong.</summary>
public static partial class FeedParser
{
    internal const string NotAFeed = "not an RSS, Atom or JSON feed";

    /// <summary>Never throws on bad input: returns null with a one-line reason when the text is not a readable feed.</summary>
    /// <param name="feedUrl">Where the feed was fetched from: relative links are resolved against it.</param>
    public static Feed? Parse(string text, Uri? feedUrl, out string? failure)
    {
        failure = null;
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (start.StartsWith('{'))
        {
            return JsonFeedReader.Read(text, feedUrl, out failure);
        }

        if (!start.StartsWith('<'))
        {
            failure = NotAFeed;
            return null;
        }

        var problems = new List<string>();
        var feed = new XmlFeedStream(new StringReader(text), text, feedUrl, long.MaxValue, problems);
        var entries = feed.Items().SelectMany(item => item.Feed.Entries).ToList();
        failure = feed.Failure;
        return feed.Channel is { } channel ? channel with { Entries = entries, Problems = problems } : null;
    }

    /// <summary>Reads an RSS or Atom document from <paramref name="text"/> item by item, for a file too large to hold.</summary>
    /// <param name="start">The document's first characters, where a DOCTYPE would be.</param>
    /// <param name="problems">Where each item's problems go as it is read.</param>
    internal static XmlFeedStream Stream(TextReader text, string start, long maxItemBytes, List<string> problems) =>
        new(text, start, feedUrl: null, maxItemBytes, problems);

    /// <summary>True for a JSON Feed document, told from other JSON by its version URL.</summary>
    internal static bool IsJsonFeed(string text) =>
        text.AsSpan().TrimStart("\uFEFF \t\r\n").StartsWith('{') && JsonFeedVersion().IsMatch(text);

    [GeneratedRegex("\"version\"\\s*:\\s*\"https://jsonfeed\\.org/version/")]
    private static partial Regex JsonFeedVersion();
}
