using DigestBot.Core.Articles;

namespace DigestBot.Core.Digests;

/// <summary>A composed digest: the stories to send, best first.</summary>
public sealed record Digest(DigestKey Key, DigestWindow Window, IReadOnlyList<DigestItem> Items)
{
    public Language Language => Key.Language;
}

/// <summary>One story of a digest: the article shown, and other reports of the same story the host may mention.</summary>
/// <param name="AlsoReported">The same story in another language or from another source, in rank order.</param>
public sealed record DigestItem(DigestCandidate Article, IReadOnlyList<DigestCandidate> AlsoReported);
