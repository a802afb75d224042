using DigestBot.Core.Articles;

namespace DigestBot.Storage;

/// <summary>A title and summary a provider wrote for an article in another language, kept so each is asked for once.</summary>
public sealed class TranslatedSummary
{
    public long ArticleId { get; set; }

    /// <summary>The language the title and summary are written in.</summary>
    public Language Language { get; set; }

    /// <summary>The model that wrote them; another model writes its own.</summary>
    public required string Model { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>The article's <see cref="Article.ContentHash"/> when they were written: an edited article is written anew.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
