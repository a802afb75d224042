using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Features.Articles;

/// <summary>The article lists the commands show: newest first, the reader's language first or only.</summary>
/// <remarks>Every reader of a language asks the same few lists: each is read once and kept until the articles change
/// (<see cref="ReadCache{TKey, TValue}"/>).</remarks>
public sealed class ArticleQueries(IDbContextFactory<DigestDbContext> dbFactory, ArticleChanges changes, TimeProvider time)
{
    /// <summary>How long a list is kept at most, for changes made by another process.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    private const int Kept = 1024;

    private readonly ReadCache<(ReaderScope Scope, string? Topic, int Skip, int Take), IReadOnlyList<Article>> pages = new(changes, time, KeptFor, Kept);
    private readonly ReadCache<(ReaderScope Scope, string Topic), int> topicTotals = new(changes, time, KeptFor, Kept);
    private readonly ReadCache<ReaderScope, IReadOnlyDictionary<string, int>> topicCounts = new(changes, time, KeptFor, Kept);
    private readonly ReadCache<string, IReadOnlyList<Article>> byIds = new(changes, time, KeptFor, Kept);

    public Task<IReadOnlyList<Article>> LatestAsync(ReaderScope scope, int skip, int take, CancellationToken cancellationToken) =>
        pages.GetOrReadAsync((scope, null, skip, take), ReadPageAsync, cancellationToken);

    public Task<IReadOnlyList<Article>> ByTopicAsync(string topicId, ReaderScope scope, int skip, int take, CancellationToken cancellationToken) =>
        pages.GetOrReadAsync((scope, topicId, skip, take), ReadPageAsync, cancellationToken);

    public Task<int> CountByTopicAsync(string topicId, ReaderScope scope, CancellationToken cancellationToken) =>
        topicTotals.GetOrReadAsync((scope, topicId), async (key, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await Scoped(db.Articles, key.Scope).CountAsync(a => a.Topics.Any(t => t.TopicId == key.Topic), ct);
        }, cancellationToken);

    /// <summary>How many articles each topic has, in the reader's scope.</summary>
    public Task<IReadOnlyDictionary<string, int>> TopicCountsAsync(ReaderScope scope, CancellationToken cancellationToken) =>
        topicCounts.GetOrReadAsync(scope, async (scope, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var topics = db.ArticleTopics.AsQueryable();
            if (!scope.AllLanguages)
            {
                topics = topics.Where(t => db.Articles.Any(a => a.Id == t.ArticleId && a.Language == scope.Reader));
            }

            return (IReadOnlyDictionary<string, int>)await topics.GroupBy(t => t.TopicId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }, cancellationToken);

    /// <summary>The articles with these ids, in the order of the ids.</summary>
    public Task<IReadOnlyList<Article>> GetAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        byIds.GetOrReadAsync(string.Join(',', ids), async (_, ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var found = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            return (IReadOnlyList<Article>)[.. ids.Where(found.ContainsKey).Select(id => found[id])];
        }, cancellationToken);

    private async Task<IReadOnlyList<Article>> ReadPageAsync((ReaderScope Scope, string? Topic, int Skip, int Take) page, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Scoped(db.Articles.AsNoTracking(), page.Scope);
        if (page.Topic is { } topicId)
        {
            query = query.Where(a => a.Topics.Any(t => t.TopicId == topicId));
        }

        return await Page(query, page.Scope, page.Skip, page.Take).ToListAsync(cancellationToken);
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
