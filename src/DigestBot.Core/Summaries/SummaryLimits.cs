namespace DigestBot.Core.Summaries;

/// <summary>How long a summary may be: at most <see cref="MaxSentences"/> whole sentences and <see cref="MaxChars"/> characters.</summary>
public sealed record SummaryLimits
{
    public static SummaryLimits Default { get; } = new();

    public int MaxSentences { get; init; } = 2;

    /// <summary>Exceeded only when the summary is a single sentence longer than this, since sentences are never cut.</summary>
    public int MaxChars { get; init; } = 300;
}
