using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigestBot.Core.Importing;

namespace DigestBot.Core.Feeds;

/// <summary>What every feed reader does to a value: dates, links, plain titles, text wrapped as HTML, images from Media RSS.</summary>
internal static partial class FeedValues
{
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>RFC 822 names the zones of North America; Kazakh and Russian feeds sometimes write their own.</summary>
    private static readonly Dictionary<string, string> ZoneOffsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EST"] = "-0500",
        ["EDT"] = "-0400",
        ["CST"] = "-0600",
        ["CDT"] = "-0500",
        ["MST"] = "-0700",
        ["MDT"] = "-0600",
        ["PST"] = "-0800",
        ["PDT"] = "-0700",
        ["MSK"] = "+0300",
        ["ALMT"] = "+0500",
        ["QYZT"] = "+0500",
        ["AQTT"] = "+0500",
    };

    /// <summary>Any date form <see cref="PublishedDateParser"/> knows, plus RFC 822 zone names; null when none is found.</summary>
    public static DateTimeOffset? ParseDate(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : PublishedDateParser.Parse(NamedZone().Replace(text, zone => ZoneOffsets[zone.Value]));

    /// <summary>
    /// A link as written: with a scheme it is absolute, otherwise relative. Decided here rather than by
    /// <see cref="UriKind.RelativeOrAbsolute"/>, which reads "/news/1" as a file path on Unix.
    /// </summary>
    public static Uri? ParseUri(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var kind = Scheme().IsMatch(value) ? UriKind.Absolute : UriKind.Relative;
        return Uri.TryCreate(value, kind, out var uri) ? uri : null;
    }

    /// <summary>The link made absolute against the first absolute base; only http(s) links are usable.</summary>
    public static string? Absolute(Uri? link, Uri? baseUri, Uri? feedUrl)
    {
        if (link is null)
        {
            return null;
        }

        if (!link.IsAbsoluteUri)
        {
            var root = baseUri is { IsAbsoluteUri: false } && feedUrl is not null && Uri.TryCreate(feedUrl, baseUri, out var combined)
                ? combined
                : baseUri is { IsAbsoluteUri: true } ? baseUri : feedUrl;
            if (root is not { IsAbsoluteUri: true } || !Uri.TryCreate(root, link, out link))
            {
                return null;
            }
        }

        return link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps ? link.AbsoluteUri : null;
    }

    public static string? Absolute(string? link, Uri? baseUri, Uri? feedUrl) => Absolute(ParseUri(link), baseUri, feedUrl);

    /// <summary>Titles are often escaped HTML ("&amp;lt;b&amp;gt;Срочно&amp;lt;/b&amp;gt;"): the text alone, on one line.</summary>
    public static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = Spaces().Replace(HtmlToText.Convert(html), " ").Trim();
        return text.Length > 0 ? text : null;
    }

    /// <summary>Plain text as HTML: a paragraph per blank-line block, a line break per single newline.</summary>
    public static string? TextToHtml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var html = new StringBuilder();
        foreach (var block in BlankLine().Split(text.Trim()))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(block.Trim()).ReplaceLineEndings("<br>")).Append("</p>");
        }

        return html.ToString();
    }

    public static string? EscapeText(string? text) => text is null ? null : WebUtility.HtmlEncode(text);

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The picture of an item from Media RSS: an image media:content first, then a media:thumbnail, also inside media:group.</summary>
    public static string? MediaImage(IEnumerable<XElement> elements)
    {
        var media = elements.SelectMany(e => e.DescendantsAndSelf()).Where(e => e.Name.Namespace == Media).ToList();
        var content = media.FirstOrDefault(e => e.Name.LocalName == "content" && IsImage(e) && NullIfBlank((string?)e.Attribute("url")) is not null);
        var thumbnail = media.FirstOrDefault(e => e.Name.LocalName == "thumbnail" && NullIfBlank((string?)e.Attribute("url")) is not null);
        return NullIfBlank((string?)(content ?? thumbnail)?.Attribute("url"));

        static bool IsImage(XElement element) =>
            (string?)element.Attribute("medium") == "image"
            || ((string?)element.Attribute("type"))?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;
    }

    public static IReadOnlyList<string> Categories(IEnumerable<string?> names) =>
        names.Select(NullIfBlank).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>An entry nobody can use is reported; it stays in the list so that "item N" still counts from the feed's start.</summary>
    public static void Check(FeedEntry entry, int number, List<string> problems)
    {
        if (entry.Link is null && entry.ContentHtml is null && entry.SummaryHtml is null)
        {
            problems.Add($"item {number}: no link and no content");
        }
    }

    [GeneratedRegex(@"(?<=\d\s*)\b(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|MSK|ALMT|QYZT|AQTT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedZone();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex BlankLine();
}
