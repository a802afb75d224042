using DigestBot.Core.Articles;

namespace DigestBot.Search;

/// <summary>Full-text search over the stored articles.</summary>
public interface IArticleSearch
{
    /// <summary>Ranked hits for what the reader typed; never throws on hostile input.</summary>
    /// <param name="language">Only articles in this language, or all when null.</param>
    Task<SearchPage> SearchAsync(string query, Language? language, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>One page of search results and how many were ranked: all the matches, or the newest
/// <see cref="SearchOptions.RankedMatches"/> of them when <paramref name="Capped"/> says more matched.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total, bool Capped = false);

/// <summary>A matching article with its score and a snippet, HTML-escaped, the matched words in <c>&lt;b&gt;</c>.</summary>
public sealed record SearchHit(long ArticleId, double Score, string SnippetHtml);
