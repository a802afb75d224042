using System.Runtime.Serialization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace DigestBot.Core.Feeds;

/// <summary>Reads RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication, with tolerant dates and links.</summary>
internal static class SyndicationReader
{
    /// <summary>Stands for a link that is not a URI at all: the formatter fails the whole feed when its parser says no.</summary>
    private static readonly Uri Unusable = new("unusable:link");

    /// <summary>The feed, or null when Syndication cannot read this document (an unsupported RSS version, a missing element) and the plain reader should.</summary>
    public static Feed? Read(XElement root, FeedKind kind, Uri? feedUrl)
    {
        SyndicationFeedFormatter formatter = kind == FeedKind.Atom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.DateTimeParser = ParseDate;
        formatter.UriParser = ParseUri;
        try
        {
            using var reader = root.CreateReader();
            if (!formatter.CanRead(reader))
            {
                return null;
            }

            formatter.ReadFrom(reader);

            // The RSS formatter drops the description of an item without a link; the element itself still says it.
            var descriptions = kind == FeedKind.Atom
                ? []
                : root.Elements().Where(e => e.Name.LocalName == "channel").Elements().Where(e => e.Name.LocalName == "item")
                    .Select(item => FeedValues.NullIfBlank(item.Elements().FirstOrDefault(e => e.Name.LocalName == "description")?.Value))
                    .ToList();
            return Project(formatter.Feed, kind, feedUrl, descriptions);
        }
        catch (Exception e) when (e is XmlException or NotSupportedException or FormatException or ArgumentException
                                      or InvalidOperationException or SerializationException)
        {
            return null;
        }
    }

    private static Feed Project(SyndicationFeed feed, FeedKind kind, Uri? feedUrl, List<string?> descriptions)
    {
        var feedBase = BaseOf(feed.BaseUri, feedUrl);
        var entries = new List<FeedEntry>();
        foreach (var item in feed.Items)
        {
            var description = entries.Count < descriptions.Count ? descriptions[entries.Count] : null;
            var entry = ReadItem(item, kind, BaseOf(item.BaseUri, feedBase) ?? feedBase, feedUrl, description);
            entries.Add(entry);
        }

        return new Feed(
            kind,
            FeedValues.PlainText(feed.Title?.Text),
            feed.Links.Where(IsAlternate).Select(link => Absolute(link, feedBase, feedUrl)).FirstOrDefault(url => url is not null),
            FeedValues.NullIfBlank(feed.Language),
            entries,
            []);
    }

    private static FeedEntry ReadItem(SyndicationItem item, FeedKind kind, Uri? itemBase, Uri? feedUrl, string? description)
    {
        var extensions = item.ElementExtensions.Select(Element).OfType<XElement>().ToList();
        var enclosure = item.Links
            .Where(link => link.RelationshipType == "enclosure" && link.MediaType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .Select(link => Absolute(link, itemBase, feedUrl))
            .FirstOrDefault(url => url is not null);
        var published = Date(item.PublishDate) ?? FeedValues.ParseDate(Extension(extensions, FeedValues.DublinCore + "date"));
        var content = kind == FeedKind.Atom
            ? Html(item.Content as TextSyndicationContent)
            : FeedValues.NullIfBlank(Extension(extensions, FeedValues.Content + "encoded"));

        // RSS descriptions are HTML whatever they claim; Atom says which kind of text it holds.
        var summary = kind == FeedKind.Atom ? Html(item.Summary) : description ?? FeedValues.NullIfBlank(item.Summary?.Text);
        return new FeedEntry(
            FeedValues.NullIfBlank(item.Id),
            item.Links.Where(IsAlternate).Select(link => Absolute(link, itemBase, feedUrl)).FirstOrDefault(url => url is not null),
            FeedValues.PlainText(kind == FeedKind.Atom && item.Title?.Type == "text" ? FeedValues.EscapeText(item.Title.Text) : item.Title?.Text),
            content,
            summary,
            published,
            Date(item.LastUpdatedTime),
            enclosure ?? FeedValues.Absolute(FeedValues.MediaImage(extensions), itemBase, feedUrl),
            FeedValues.Categories(item.Categories.Select(category => category.Name)));
    }

    /// <summary>Always succeeds: the formatter throws on a failed date when the item is read, so an unreadable one becomes the default instead.</summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        date = FeedValues.ParseDate(data.DateTimeString) ?? default;
        return true;
    }

    private static bool ParseUri(XmlUriData data, out Uri uri)
    {
        uri = FeedValues.ParseUri(data.UriString) ?? Unusable;
        return true;
    }

    /// <summary>A date the formatter could not read is left at its default, which means none.</summary>
    private static DateTimeOffset? Date(DateTimeOffset date) => date == default ? null : date;

    private static bool IsAlternate(SyndicationLink link) => string.IsNullOrEmpty(link.RelationshipType) || link.RelationshipType == "alternate";

    private static string? Absolute(SyndicationLink link, Uri? itemBase, Uri? feedUrl) =>
        ReferenceEquals(link.Uri, Unusable) ? null : FeedValues.Absolute(link.Uri, BaseOf(link.BaseUri, itemBase) ?? itemBase, feedUrl);

    /// <summary>An xml:base made absolute against the base around it.</summary>
    private static Uri? BaseOf(Uri? xmlBase, Uri? outer) =>
        xmlBase is null || ReferenceEquals(xmlBase, Unusable) ? outer
        : xmlBase.IsAbsoluteUri ? xmlBase
        : outer is { IsAbsoluteUri: true } && Uri.TryCreate(outer, xmlBase, out var combined) ? combined
        : outer;

    /// <summary>Atom text constructs as HTML: "html" and "xhtml" are markup already, "text" is wrapped.</summary>
    private static string? Html(TextSyndicationContent? content) =>
        content is null ? null
        : content.Type is "html" or "xhtml" ? FeedValues.NullIfBlank(content.Text)
        : FeedValues.TextToHtml(content.Text);

    private static XElement? Element(SyndicationElementExtension extension)
    {
        using var reader = extension.GetReader();
        reader.MoveToContent();
        return XNode.ReadFrom(reader) as XElement;
    }

    private static string? Extension(List<XElement> extensions, XName name) =>
        FeedValues.NullIfBlank(extensions.FirstOrDefault(e => e.Name == name)?.Value);
}
