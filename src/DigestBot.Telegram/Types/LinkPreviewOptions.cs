namespace DigestBot.Telegram.Types;

/// <summary>How the link preview of a message is generated and shown.</summary>
public sealed record LinkPreviewOptions
{
    public bool? IsDisabled { get; init; }

    /// <summary>The URL to preview instead of the first one in the text.</summary>
    public string? Url { get; init; }

    public bool? PreferSmallMedia { get; init; }

    public bool? PreferLargeMedia { get; init; }

    public bool? ShowAboveText { get; init; }
}
