using DigestBot.Core.Articles;

namespace DigestBot.Core.Importing;

/// <summary>What a document states about an article (front matter, JSON fields, feed elements); stated values win over guesses.</summary>
internal sealed record ArticleMetadata(
    string? Title = null,
    string? Source = null,
    string? Url = null,
    DateTimeOffset? PublishedAt = null,
    Language? Language = null,
    IReadOnlyList<string>? Topics = null)
{
    public static ArticleMetadata None { get; } = new();

    /// <summary>Lowercase, trimmed, distinct topics from a list such as <c>[a, b]</c> or <c>a, b</c>.</summary>
    public static IReadOnlyList<string> ParseTopics(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return [];
        }

        var inner = list.AsSpan().Trim();
        if (inner.StartsWith('[') && inner.EndsWith(']'))
        {
            inner = inner[1..^1];
        }

        return NormalizeTopics(inner.ToString().Split(','));
    }

    public static IReadOnlyList<string> NormalizeTopics(IEnumerable<string?> topics) =>
        topics
            .Select(topic => topic?.Trim().Trim('"', '\'').Trim().ToLowerInvariant())
            .OfType<string>()
            .Where(topic => topic.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
