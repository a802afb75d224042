using DigestBot.Core.Search;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Search;

/// <summary>What every search engine here ranks and answers alike: the recency boost, and hits with snippets.</summary>
internal static class SearchRanking
{
    /// <summary>A fresh article's score is worth up to this much more, halving every <see cref="RecencyHalfLife"/>.</summary>
    public const double RecencyBoost = 0.3;

    public static readonly TimeSpan RecencyHalfLife = TimeSpan.FromDays(30);

    /// <summary>The share of its score an article keeps when only the other languages' forms of the words match it
    /// (<see cref="SearchQuery.OwnForms"/> does not); one they match is ranked by its own forms alone.</summary>
    public const double OtherFormsWeight = 0.1;

    /// <summary>The hits of ranked ids, in their order, with snippets cut from the stored text; ids deleted meanwhile are left out.</summary>
    public static async Task<IReadOnlyList<SearchHit>> HitsAsync(DigestDbContext db, SearchQuery query, IReadOnlyList<(long Id, double Score)> ranked, CancellationToken cancellationToken)
    {
        var ids = ranked.Select(r => r.Id).ToList();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Body, a.Summary, a.Language })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return
        [
            .. ranked
                .Where(r => articles.ContainsKey(r.Id))
                .Select(r =>
                {
                    var article = articles[r.Id];
                    return new SearchHit(r.Id, r.Score, SearchSnippet.Build(query, article.Language, article.Body, article.Summary, article.Title));
                }),
        ];
    }
}
