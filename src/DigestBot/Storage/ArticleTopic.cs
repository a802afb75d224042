namespace DigestBot.Storage;

/// <summary>Tags an article with a topic of the catalogue.</summary>
public sealed class ArticleTopic
{
    public long ArticleId { get; set; }

    public required string TopicId { get; set; }
}
