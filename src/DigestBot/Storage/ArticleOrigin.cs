namespace DigestBot.Storage;

/// <summary>Where an article was read from: a file, or an item inside a file, with the hash of what it said then.</summary>
public sealed class ArticleOrigin
{
    /// <summary>The full path of the file, plus <c>#item</c> for an item of a multi-article file; for a feed item,
    /// <c>source:</c>, the feed's URL, <c>#</c> and the item's guid or link.</summary>
    public required string Key { get; set; }

    public long ArticleId { get; set; }

    public Article? Article { get; set; }

    public required string ContentHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>For a feed item, a hash of the item as the feed gave it: an item the feed repeats unchanged is not fetched again.</summary>
    public string? EntryHash { get; set; }
}
