using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Features.Articles;

/// <summary>The article lists the commands show: newest first, the reader's language first or only.</summary>
public sealed class ArticleQueries(IDbContextFactory<DigestDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Article>> LatestAsync(ReaderScope scope, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Page(Scoped(db.Articles.AsNoTracking(), scope), scope, skip, take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Article>> ByTopicAsync(string topicId, ReaderScope scope, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Scoped(db.Articles.AsNoTracking(), scope).Where(a => a.Topics.Any(t => t.TopicId == topicId));
        return await Page(query, scope, skip, take).ToListAsync(cancellationToken);
    }

    public async Task<int> CountByTopicAsync(string topicId, ReaderScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Scoped(db.Articles, scope).CountAsync(a => a.Topics.Any(t => t.TopicId == topicId), cancellationToken);
    }

    /// <summary>How many articles each topic has, in the reader's scope.</summary>
    public async Task<Dictionary<string, int>> TopicCountsAsync(ReaderScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var topics = db.ArticleTopics.AsQueryable();
        if (!scope.AllLanguages)
        {
            topics = topics.Where(t => db.Articles.Any(a => a.Id == t.ArticleId && a.Language == scope.Reader));
        }

        return await topics.GroupBy(t => t.TopicId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>The articles with these ids, in the order of the ids.</summary>
    public async Task<IReadOnlyList<Article>> GetAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    private static IQueryable<Article> Scoped(IQueryable<Article> query, ReaderScope scope) =>
        scope.AllLanguages ? query : query.Where(a => a.Language == scope.Reader);

    private static IQueryable<Article> Page(IQueryable<Article> query, ReaderScope scope, int skip, int take) =>
        query.OrderBy(a => a.Language == scope.Reader ? 0 : 1)
            .ThenByDescending(a => a.PublishedAt ?? a.ImportedAt)
            .ThenByDescending(a => a.Id)
            .Skip(skip)
            .Take(take);
}

/// <summary>Whose articles a list shows: the reader's language first, and the others too unless the chat wants only its own.</summary>
public sealed record ReaderScope(Language Reader, bool AllLanguages);
