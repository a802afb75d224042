using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Core.Importing;

/// <summary>Reads the items of an RSS 2.0 (also 0.9x and 1.0) or Atom feed; their HTML becomes plain paragraphs.</summary>
internal static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    /// <summary>Returns the items, or null when the text is not a feed.</summary>
    public static List<DocumentItem>? Read(string text, List<string> problems)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        return document.Root?.Name switch
        {
            { LocalName: "feed" } => ReadAtom(document.Root, problems),
            { LocalName: "rss" or "RDF" } => ReadRss(document.Root, problems),
            _ => null,
        };
    }

    private static List<DocumentItem> ReadRss(XElement root, List<string> problems)
    {
        var channel = root.Element("channel") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var feedSource = SourceOf(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "link")?.Value, channel?.Element("title")?.Value);
        var items = new List<DocumentItem>();
        var number = 0;
        foreach (var item in root.Descendants().Where(e => e.Name.LocalName == "item"))
        {
            number++;
            var title = Child(item, "title");
            var link = Child(item, "link");
            var html = item.Element(Content + "encoded")?.Value ?? Child(item, "description");
            var metadata = new ArticleMetadata(
                title,
                SourceFinder.Normalize(Child(item, "source")) ?? feedSource,
                link,
                PublishedDateParser.Parse(Child(item, "pubDate") ?? item.Element(DublinCore + "date")?.Value));
            var key = Child(item, "guid") ?? link ?? $"item:{number}";
            Add(items, problems, new DocumentItem(key, $"item {number}", metadata, Paragraphs.FromLines(HtmlToText.Convert(html ?? ""))));
        }

        return items;
    }

    private static List<DocumentItem> ReadAtom(XElement root, List<string> problems)
    {
        var ns = root.Name.Namespace == XNamespace.None ? XNamespace.None : Atom;
        var feedSource = SourceOf(AlternateLink(root, ns), root.Element(ns + "title")?.Value);
        var items = new List<DocumentItem>();
        var number = 0;
        foreach (var entry in root.Elements(ns + "entry"))
        {
            number++;
            var link = AlternateLink(entry, ns);
            var content = entry.Element(ns + "content") ?? entry.Element(ns + "summary");
            var metadata = new ArticleMetadata(
                Text(entry.Element(ns + "title")),
                feedSource,
                link,
                PublishedDateParser.Parse(entry.Element(ns + "published")?.Value ?? entry.Element(ns + "updated")?.Value));
            var key = NullIfBlank(entry.Element(ns + "id")?.Value) ?? link ?? $"item:{number}";
            Add(items, problems, new DocumentItem(key, $"item {number}", metadata, Paragraphs.FromLines(Text(content) ?? "")));
        }

        return items;
    }

    private static void Add(List<DocumentItem> items, List<string> problems, DocumentItem item)
    {
        if (item.Paragraphs.Count == 0)
        {
            problems.Add($"{item.Label}: no text");
            return;
        }

        items.Add(item);
    }

    /// <summary>Atom text constructs: "text" as is, "html" escaped markup, "xhtml" inline markup.</summary>
    private static string? Text(XElement? element) =>
        element is null
            ? null
            : (string?)element.Attribute("type") switch
            {
                "html" => HtmlToText.Convert(element.Value),
                "xhtml" => HtmlToText.Convert(string.Concat(element.Nodes())),
                _ => element.Value,
            };

    private static string? AlternateLink(XElement element, XNamespace ns) =>
        element.Elements(ns + "link")
            .Where(link => (string?)link.Attribute("rel") is null or "alternate")
            .Select(link => (string?)link.Attribute("href"))
            .FirstOrDefault(href => !string.IsNullOrWhiteSpace(href));

    /// <summary>The feed's site as a bare host name ("zakon.kz"), else its title.</summary>
    private static string? SourceOf(string? link, string? title) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? SourceFinder.Normalize(uri.Host)
            : SourceFinder.Normalize(title);

    private static string? Child(XElement parent, string localName) =>
        NullIfBlank(parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
