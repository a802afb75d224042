namespace DigestBot.Core.Feeds;

/// <summary>The family a feed belongs to; RSS 0.9x, 1.0 (RDF) and 2.0 are all <see cref="Rss"/>.</summary>
public enum FeedKind
{
    Rss,
    Atom,
    JsonFeed,
}
