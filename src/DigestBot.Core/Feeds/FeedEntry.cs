namespace DigestBot.Core.Feeds;

/// <summary>One item of a feed, whatever the format, with its links absolute and its title plain.</summary>
/// <param name="Id">The RSS guid, Atom id or JSON Feed id; null when the feed gives none (callers fall back to the link).</param>
/// <param name="Link">Absolute http(s) URL, resolved against xml:base / the feed's own URL; null when none is usable.</param>
/// <param name="Title">Plain text: tags stripped, entities decoded, white space collapsed.</param>
/// <param name="ContentHtml">The full content (content:encoded, Atom content, content_html / content_text wrapped), or null.</param>
/// <param name="SummaryHtml">description / summary, or null.</param>
/// <param name="PublishedAt">pubDate, dc:date, Atom published or date_published; a date without an offset is Almaty time.</param>
/// <param name="UpdatedAt">Atom updated or date_modified.</param>
/// <param name="ImageUrl">Absolute URL of enclosure type image/*, media:content (medium image or type image/*), media:thumbnail, JSON Feed image/banner_image, else null.</param>
/// <param name="Categories">RSS categories, Atom category terms, JSON Feed tags; trimmed and distinct.</param>
public sealed record FeedEntry(
    string? Id,
    string? Link,
    string? Title,
    string? ContentHtml,
    string? SummaryHtml,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    string? ImageUrl,
    IReadOnlyList<string> Categories);
