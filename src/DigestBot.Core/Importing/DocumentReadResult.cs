namespace DigestBot.Core.Importing;

/// <summary>What one seed document yielded: its articles, or why it was skipped, and any items that were dropped.</summary>
public sealed record DocumentReadResult(
    IReadOnlyList<ArticleDraft> Articles,
    string? SkipReason,
    IReadOnlyList<string> Problems)
{
    public bool Skipped => SkipReason is not null;

    public static DocumentReadResult Skip(string reason) => new([], reason, []);
}
