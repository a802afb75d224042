using DigestBot.Core.Articles;

namespace DigestBot.Storage;

/// <summary>A stored news article.</summary>
public sealed class Article
{
    public long Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Clean text; paragraphs separated by a blank line.</summary>
    public required string Body { get; set; }

    public Language Language { get; set; }

    public string? Source { get; set; }

    /// <summary>The article's address: the page's canonical URL when it names one.</summary>
    public string? Url { get; set; }

    /// <summary>The picture that stands for the article (og:image, a feed enclosure), shown as the link preview.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>When the outlet published it; null when the page does not say.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hash of the folded body, so that one text is one article whatever file it came from.</summary>
    public required string ContentHash { get; set; }

    public int WordCount { get; set; }

    /// <summary>Extractive summary in the article's language, computed at import.</summary>
    public string? Summary { get; set; }

    public List<ArticleTopic> Topics { get; set; } = [];
}
