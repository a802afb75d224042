using AngleSharp.Html.Parser;
using DigestBot.Core.Importing;
using SmartReader;

namespace DigestBot.Core.Pages;

/// <summary>Reads a news page already downloaded: its article's paragraphs without the page around them, and what the page states about it.</summary>
public static class PageExtractor
{
    /// <summary>Never throws on bad HTML; null when no article text is found.</summary>
    public static PageArticle? Extract(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        try
        {
            return Read(html, pageUrl);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Readability walks whatever markup a site serves; a page it cannot read is a page without an article, not a failed poll.
            return null;
        }
    }

    private static PageArticle? Read(string html, Uri pageUrl)
    {
        // Parsed here without a browsing context, so nothing the page links to is loaded; SmartReader is only handed this document.
        var document = new HtmlParser().ParseDocument(html);
        var metadata = PageMetadata.Read(document, pageUrl);
        PageChrome.Remove(document);

        using var reader = new Reader(pageUrl.AbsoluteUri, document);
        var article = reader.GetArticle();

        // IsReadable only reports SmartReader's guess before extraction, which short news items fail; the content decides.
        var paragraphs = string.IsNullOrWhiteSpace(article.Content) ? [] : HtmlToText.ToParagraphs(article.Content);

        // Separators such as "***" and stray markup are no text of the article.
        paragraphs.RemoveAll(paragraph => !paragraph.Any(char.IsLetterOrDigit));
        if (paragraphs.Count == 0)
        {
            return null;
        }

        return new PageArticle(
            metadata.Title ?? PageMetadata.CutSiteName(article.Title, metadata.SiteName, pageUrl) ?? metadata.DocumentTitle,
            paragraphs,
            metadata.CanonicalUrl,
            metadata.ImageUrl ?? PageMetadata.Absolute(pageUrl, article.FeaturedImage),
            metadata.PublishedAt ?? StatedDate(article.PublicationDate),
            metadata.SiteName ?? PageMetadata.Text(article.SiteName),
            metadata.Language ?? PageMetadata.LanguageCode(article.Language));
    }

    /// <summary>SmartReader's date carries no offset unless it read one as UTC; a local one is Kazakhstan time, as everywhere in import.</summary>
    private static DateTimeOffset? StatedDate(DateTime? date) =>
        date switch
        {
            null => null,
            { Year: < 1990 or > 2100 } => null,
            { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
            { } local => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), PublishedDateParser.AlmatyOffset),
        };
}
