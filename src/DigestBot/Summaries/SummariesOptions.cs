using DigestBot.Core.Summaries;

namespace DigestBot.Summaries;

/// <summary>How summaries are written (section <c>Summaries</c>).</summary>
public sealed class SummariesOptions
{
    public const string Section = "Summaries";

    /// <summary>At most this many sentences in an extractive summary.</summary>
    public int MaxSentences { get; set; } = 2;

    /// <summary>About this many characters at most; sentences are never cut.</summary>
    public int MaxChars { get; set; } = 300;

    public SummaryOptions ToSummaryOptions() => new() { MaxSentences = MaxSentences, MaxChars = MaxChars };
}
