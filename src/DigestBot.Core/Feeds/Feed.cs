namespace DigestBot.Core.Feeds;

/// <summary>A parsed feed: its own title, site and language, its entries, and what was wrong with some of them.</summary>
/// <param name="SiteUrl">The site the feed belongs to (RSS channel link, Atom alternate link, JSON Feed home_page_url), absolute, or null.</param>
/// <param name="Problems">One line per issue that did not stop the feed from being read: "item 3: no link and no content", "feed is truncated after item 2".</param>
public sealed record Feed(
    FeedKind Kind,
    string? Title,
    string? SiteUrl,
    string? Language,
    IReadOnlyList<FeedEntry> Entries,
    IReadOnlyList<string> Problems);
