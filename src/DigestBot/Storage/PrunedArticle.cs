namespace DigestBot.Storage;

/// <summary>What is left of an article that retention removed: the hash of its text, so that a seed file or a feed
/// still holding it does not bring it back.</summary>
public sealed class PrunedArticle
{
    /// <summary>The removed article's <see cref="Article.ContentHash"/>.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset PrunedAt { get; set; }
}
