using System.Security.Cryptography;
using System.Text;
using DigestBot.Core.Articles;
using DigestBot.Core.Feeds;
using DigestBot.Core.Pages;

namespace DigestBot.Core.Importing;

/// <summary>Turns one feed item into an article: from the item's own text, or from its page when the item is only a
/// teaser; either way through the same cleaner, date, source and language steps as a seed file.</summary>
public static class FeedItemArticles
{
    /// <summary>A description of fewer words than this is a teaser: the item's page holds the article.</summary>
    public const int TeaserWords = 80;

    /// <summary>Content (content:encoded, Atom content, content_html) of fewer words than this is a teaser too; news
    /// agencies send short items whole, so the bar is lower than for a description.</summary>
    public const int ShortContentWords = 30;

    /// <summary>The longest key the store takes; a longer one (a long feed URL, a percent-encoded Cyrillic link) is hashed.</summary>
    public const int MaxKeyLength = 1000;

    /// <summary>How the item is keyed in the store: the feed, then its guid, else its link, else a hash of its text.</summary>
    public static string Key(string feedUrl, FeedEntry entry)
    {
        var key = $"source:{feedUrl}#{entry.Id ?? entry.Link ?? EntryHash(entry)}";
        return key.Length <= MaxKeyLength ? key : $"source:sha256:{Sha256(key)}";
    }

    /// <summary>The item as the feed gave it: when the feed repeats it unchanged, nothing is fetched again.</summary>
    public static string EntryHash(FeedEntry entry)
    {
        return Sha256(string.Join('\u001f', entry.Title, entry.Link, entry.ContentHtml, entry.SummaryHtml, entry.UpdatedAt?.ToUnixTimeSeconds(), entry.ImageUrl));
    }

    /// <summary>True when the item links a page and carries too little text to stand as the article.</summary>
    public static bool NeedsPage(FeedEntry entry) =>
        entry.Link is not null
        && Words(entry.ContentHtml) < ShortContentWords
        && Words(entry.SummaryHtml) < TeaserWords;

    /// <summary>Builds the article, or returns null and why nothing was left of the item.</summary>
    /// <param name="page">The item's page, when it was fetched.</param>
    /// <param name="language">The source's language, when the maintainer stated it.</param>
    /// <param name="topics">Topics every article of the source gets.</param>
    public static ArticleDraft? Build(FeedEntry entry, PageArticle? page, Language? language, IReadOnlyList<string> topics, out string? failure)
    {
        var paragraphs = page is not null
            ? page.Paragraphs
            : Paragraphs.FromLines(HtmlToText.Convert(entry.ContentHtml ?? entry.SummaryHtml ?? ""));
        var url = page?.CanonicalUrl ?? entry.Link;
        var metadata = new ArticleMetadata(
            entry.Title ?? page?.Title,
            Uri.TryCreate(url, UriKind.Absolute, out var address) ? SourceFinder.Normalize(address.Host) : null,
            url,
            entry.PublishedAt ?? page?.PublishedAt ?? entry.UpdatedAt,
            language,
            topics);
        var draft = ArticleBuilder.Build(new DocumentItem("", "item", metadata, paragraphs), out failure);
        return draft is null ? null : draft with { ImageUrl = page?.ImageUrl ?? entry.ImageUrl };
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static int Words(string? html) => html is null ? 0 : ArticleDraft.CountWords(HtmlToText.Convert(html));
}
