using System.Xml.Linq;

namespace DigestBot.Core.Feeds;

/// <summary>
/// Reads what Syndication does not: RSS 0.9x and 1.0 (RDF), an <c>&lt;rss&gt;</c> without a version, Atom without its
/// namespace, and the complete items of a feed cut off mid-document. Elements are matched by local name only.
/// </summary>
internal static class PlainXmlReader
{
    public static Feed Read(XElement root, FeedKind kind, Uri? feedUrl)
    {
        var channel = Child(root, "channel") ?? root;
        var entries = new List<FeedEntry>();
        var items = kind == FeedKind.Atom ? Children(root, "entry") : root.Descendants().Where(e => e.Name.LocalName == "item");
        foreach (var item in items)
        {
            var entry = kind == FeedKind.Atom ? ReadEntry(item, feedUrl) : ReadItem(item, feedUrl);
            entries.Add(entry);
        }

        var siteUrl = kind == FeedKind.Atom ? AlternateLink(root) : Value(channel, "link");
        return new Feed(
            kind,
            FeedValues.PlainText(Value(channel, "title")),
            FeedValues.Absolute(siteUrl, BaseOf(channel, feedUrl), feedUrl),
            Value(channel, "language") ?? FeedValues.NullIfBlank((string?)root.Attribute(XNamespace.Xml + "lang")),
            entries,
            []);
    }

    private static FeedEntry ReadItem(XElement item, Uri? feedUrl)
    {
        var itemBase = BaseOf(item, feedUrl);
        var enclosure = Children(item, "enclosure")
            .Where(e => ((string?)e.Attribute("type"))?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => FeedValues.Absolute((string?)e.Attribute("url"), itemBase, feedUrl))
            .FirstOrDefault(url => url is not null);
        return new FeedEntry(
            Value(item, "guid"),
            FeedValues.Absolute(Value(item, "link"), itemBase, feedUrl),
            FeedValues.PlainText(Value(item, "title")),
            FeedValues.NullIfBlank(item.Element(FeedValues.Content + "encoded")?.Value),
            Value(item, "description"),
            FeedValues.ParseDate(Value(item, "pubDate") ?? item.Element(FeedValues.DublinCore + "date")?.Value),
            null,
            enclosure ?? FeedValues.Absolute(FeedValues.MediaImage(item.Elements()), itemBase, feedUrl),
            FeedValues.Categories(Children(item, "category").Concat(item.Elements(FeedValues.DublinCore + "subject")).Select(e => e.Value)));
    }

    private static FeedEntry ReadEntry(XElement entry, Uri? feedUrl)
    {
        var entryBase = BaseOf(entry, feedUrl);
        return new FeedEntry(
            Value(entry, "id"),
            FeedValues.Absolute(AlternateLink(entry), entryBase, feedUrl),
            FeedValues.PlainText(TextConstruct(Child(entry, "title"))),
            Child(entry, "content") is { } content && content.Attribute("src") is null ? Html(content) : null,
            Html(Child(entry, "summary")),
            FeedValues.ParseDate(Value(entry, "published") ?? Value(entry, "issued")),
            FeedValues.ParseDate(Value(entry, "updated") ?? Value(entry, "modified")),
            FeedValues.Absolute(FeedValues.MediaImage(entry.Elements()), entryBase, feedUrl),
            FeedValues.Categories(Children(entry, "category").Select(e => (string?)e.Attribute("term"))));
    }

    /// <summary>Atom text constructs as HTML: "html" is escaped markup, "xhtml" inline markup, "text" (the default) is wrapped.</summary>
    private static string? Html(XElement? element) =>
        (string?)element?.Attribute("type") switch
        {
            "html" => FeedValues.NullIfBlank(element!.Value),
            "xhtml" => FeedValues.NullIfBlank(string.Concat(element!.Nodes())),
            _ => FeedValues.TextToHtml(element?.Value),
        };

    /// <summary>A title as markup for <see cref="FeedValues.PlainText"/>: a text title is escaped so that "a &lt; b" survives.</summary>
    private static string? TextConstruct(XElement? element) =>
        (string?)element?.Attribute("type") is "html" or "xhtml" ? Html(element) : FeedValues.EscapeText(element?.Value);

    private static string? AlternateLink(XElement element) =>
        Children(element, "link")
            .Where(link => (string?)link.Attribute("rel") is null or "alternate")
            .Select(link => FeedValues.NullIfBlank((string?)link.Attribute("href")))
            .FirstOrDefault(href => href is not null);

    /// <summary>The xml:base in force at <paramref name="element"/>, each one resolved against the one around it.</summary>
    private static Uri? BaseOf(XElement element, Uri? feedUrl)
    {
        var result = feedUrl;
        foreach (var scope in element.AncestorsAndSelf().Reverse())
        {
            if (FeedValues.ParseUri((string?)scope.Attribute(XNamespace.Xml + "base")) is { } xmlBase)
            {
                result = xmlBase.IsAbsoluteUri ? xmlBase
                    : result is not null && Uri.TryCreate(result, xmlBase, out var combined) ? combined
                    : result;
            }
        }

        return result;
    }

    private static XElement? Child(XElement parent, string localName) => Children(parent, localName).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string? Value(XElement parent, string localName) => FeedValues.NullIfBlank(Child(parent, localName)?.Value);
}
