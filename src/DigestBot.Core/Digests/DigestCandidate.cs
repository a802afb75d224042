using DigestBot.Core.Articles;

namespace DigestBot.Core.Digests;

/// <summary>An article the host offers for a digest: what is shown, and enough of the body to compare stories.</summary>
/// <param name="Language">The language the article is written in; its words are stemmed in it.</param>
/// <param name="Lead">The start of the body (the first ~1,000 characters are enough); longer text is cut before analysis.</param>
/// <param name="Topics">Topic ids the article is tagged with.</param>
public sealed record DigestCandidate(
    long Id,
    string Title,
    string Summary,
    Language Language,
    string? Source,
    string? Url,
    DateTimeOffset? PublishedAt,
    DateTimeOffset ImportedAt,
    IReadOnlyList<string> Topics,
    string Lead)
{
    /// <summary>The language of <see cref="Summary"/>: the article's own unless the host put a translation there.</summary>
    public Language SummaryLanguage { get; init; } = Language;

    /// <summary>When the story broke as far as we know: the publication time, else the import time.</summary>
    public DateTimeOffset Time => PublishedAt ?? ImportedAt;
}
