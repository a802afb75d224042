using DigestBot.Core.Articles;

namespace DigestBot.Core.Digests;

/// <summary>What one chat wants in its digest.</summary>
/// <param name="Language">The reader's language: the header's, and the one preferred among articles.</param>
public sealed record DigestPreferences(Language Language)
{
    public const int DefaultMaxItems = 7;

    /// <summary>Topic ids an article must have one of; empty means every topic.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Words from <c>/filter</c>.</summary>
    public DigestFilter Filter { get; init; } = DigestFilter.None;

    public int MaxItems { get; init; } = DefaultMaxItems;

    /// <summary>When false only articles in <see cref="Language"/> are taken; when true they come first.</summary>
    public bool AllLanguages { get; init; }
}
