using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DigestBot.Core.Feeds;

/// <summary>Reads RSS (0.9x, 1.0/RDF, 2.0), Atom 1.0 and JSON Feed 1.x into one shape, whatever a publisher got wrong.</summary>
public static partial class FeedParser
{
    internal const string NotAFeed = "not an RSS, Atom or JSON feed";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

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

        if (SafeXml.Load(text, out var error, out failure) is not { } root)
        {
            return null;
        }

        FeedKind kind;
        switch (root.Name.LocalName)
        {
            case "rss" or "RDF":
                kind = FeedKind.Rss;
                break;
            case "feed":
                kind = FeedKind.Atom;
                break;
            default:
                failure = NotAFeed;
                return null;
        }

        var problems = new List<string>();
        // Syndication reads RSS 2.0 and namespaced Atom; RDF, other RSS versions and bare Atom go to the plain reader.
        var feed = root.Name.LocalName == "RDF" || (kind == FeedKind.Atom && root.Name.Namespace != Atom)
            ? null
            : SyndicationReader.Read(root, kind, feedUrl, problems);
        if (feed is null)
        {
            feed = PlainXmlReader.Read(root, kind, feedUrl, problems);
        }

        if (error is not null)
        {
            if (feed.Entries.Count == 0)
            {
                failure = $"unreadable XML before the first complete item: {error.Message}";
                return null;
            }

            problems.Add(SafeXml.IsAtEnd(error, text)
                ? $"feed is truncated after item {feed.Entries.Count}"
                : $"unreadable XML after item {feed.Entries.Count}: {error.Message}");
        }

        return feed;
    }

    /// <summary>True for a JSON Feed document, told from other JSON by its version URL.</summary>
    internal static bool IsJsonFeed(string text) =>
        text.AsSpan().TrimStart("\uFEFF \t\r\n").StartsWith('{') && JsonFeedVersion().IsMatch(text);

    [GeneratedRegex("\"version\"\\s*:\\s*\"https://jsonfeed\\.org/version/")]
    private static partial Regex JsonFeedVersion();
}
