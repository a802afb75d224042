using System.Collections.Concurrent;
using DigestBot.Core.Feeds;
using DigestBot.Core.Importing;
using DigestBot.Core.Pages;
using DigestBot.Importing;
using DigestBot.Storage;
using DigestBot.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>What one poll of a source did.</summary>
/// <param name="Error">Why the feed could not be read; null when it was.</param>
/// <param name="Problems">Items that were left out (a page that failed, an item without text), one line each.</param>
public sealed record SourcePollResult(
    Source Source, bool NotModified, int Added, int Updated, int Unchanged, string? Error, IReadOnlyList<string> Problems)
{
    public bool Read => Error is null;

    /// <summary>One line for the terminal and the log.</summary>
    public string Describe() => Error is not null
        ? $"{Source.Id} {Source.Url}: failed: {Error}"
        : NotModified
            ? $"{Source.Id} {Source.Url}: unchanged (not modified)"
            : $"{Source.Id} {Source.Url}: {Added} new, {Updated} updated, {Unchanged} unchanged" + (Problems.Count > 0 ? $", {Problems.Count} item(s) left out" : "");
}

/// <summary>Polls one source: fetches its feed, fetches the pages of teaser items, and stores what is new or edited.</summary>
public sealed class SourcePoller(
    SourceFetcher fetcher,
    ArticleImporter importer,
    IDbContextFactory<DigestDbContext> dbFactory,
    IOptions<SourcesOptions> options,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    private const int MaxUnusable = 10_000;

    private readonly ConcurrentDictionary<string, string> unusable = new(StringComparer.Ordinal);

    public async Task<SourcePollResult> PollAsync(Source source, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        SourcePollResult result;
        try
        {
            result = await ReadAsync(source, cancellationToken);
        }
        catch (FetchFailedException ex)
        {
            result = new SourcePollResult(source, false, 0, 0, 0, ex.Message, []);
            await RecordAsync(source.Id, startedAt, result, ex.RetryAfter, null, cancellationToken);
            logger.LogWarning("sources: unable to read {Url}: {Error}", source.Url, ex.Message);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever else went wrong (the store refused a row, say) still counts as a failure of this source, with its
            // backoff, and does not stop the sources polled beside it.
            result = new SourcePollResult(source, false, 0, 0, 0, $"unable to store: {ex.Message.ReplaceLineEndings(" ")}", []);
            await RecordAsync(source.Id, startedAt, result, null, null, cancellationToken);
            logger.LogError(ex, "sources: unable to poll {Url}: {Error}", source.Url, ex.Message);
            return result;
        }

        await RecordAsync(source.Id, startedAt, result, null, source, cancellationToken);
        metrics.SourceItemsStored(result.Added, result.Updated);
        foreach (var problem in result.Problems)
        {
            logger.LogInformation("sources: {Url}: {Problem}", source.Url, problem);
        }

        return result;
    }

    private async Task<SourcePollResult> ReadAsync(Source source, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(new Uri(source.Url), source.ETag, source.LastModified, cancellationToken);
        if (fetched.NotModified)
        {
            return new SourcePollResult(source, true, 0, 0, 0, null, []);
        }

        var feed = FeedParser.Parse(fetched.Text!, fetched.Url, out var failure) ?? throw new FetchFailedException(failure ?? "not a feed");
        source.Kind = feed.Kind switch { FeedKind.Atom => "atom", FeedKind.JsonFeed => "jsonfeed", _ => "rss" };
        source.ETag = fetched.ETag;
        source.LastModified = fetched.LastModified;

        // A feed may list one item twice; the first stands.
        var entries = feed.Entries
            .Select(entry => (Entry: entry, Key: FeedItemArticles.Key(source.Url, entry), Hash: FeedItemArticles.EntryHash(entry)))
            .DistinctBy(e => e.Key)
            .ToList();
        var keys = entries.Select(e => e.Key).ToList();
        Dictionary<string, string?> known;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            known = await db.ArticleOrigins.Where(o => keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, o => o.EntryHash, cancellationToken);
        }

        var fresh = entries
            .Where(e => !known.TryGetValue(e.Key, out var hash) || hash != e.Hash)
            .Where(e => !(unusable.TryGetValue(e.Key, out var seen) && seen == e.Hash))
            .ToList();
        var itemProblems = new string?[fresh.Count];
        var drafts = new SourcedDraft?[fresh.Count];
        var language = source.Language;
        var topics = source.TopicList;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, fresh.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.PageConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (entry, key, hash) = fresh[i];
                PageArticle? page = null;
                if (FeedItemArticles.NeedsPage(entry))
                {
                    try
                    {
                        var fetchedPage = await fetcher.FetchAsync(new Uri(entry.Link!), null, null, token);
                        page = PageExtractor.Extract(fetchedPage.Text!, fetchedPage.Url);
                    }
                    catch (FetchFailedException ex)
                    {
                        // Left for the next poll, which tries the page again.
                        itemProblems[i] = $"{entry.Link}: page: {ex.Message}";
                        return;
                    }
                }

                if (FeedItemArticles.Build(entry, page, language, topics, out var reason) is { } draft)
                {
                    drafts[i] = new SourcedDraft(key, draft, hash);
                }
                else
                {
                    itemProblems[i] = $"{entry.Link ?? entry.Id ?? entry.Title}: {reason}";
                    Remember(key, hash);
                }
            });

        var outcome = await importer.ImportItemsAsync(source.Url, SharedCanonicalsToLinks(drafts, fresh), cancellationToken);
        return new SourcePollResult(
            source, false, outcome.Added, outcome.Updated, outcome.Unchanged + entries.Count - fresh.Count, null,
            [.. feed.Problems, .. itemProblems.OfType<string>()]);
    }

    /// <summary>An item that gave no article (a video page, a teaser without text) is not fetched again while the feed
    /// repeats it unchanged; a page that failed to load is, at the next poll. Kept in memory: a restart tries them once more.</summary>
    private void Remember(string key, string hash)
    {
        if (unusable.Count >= MaxUnusable)
        {
            unusable.Clear();
        }

        unusable[key] = hash;
    }

    /// <summary>Items of one feed that name one canonical page are different stories on a site whose pages all name
    /// their section (a CMS setting gone wrong): each keeps its own link instead.</summary>
    private static List<SourcedDraft> SharedCanonicalsToLinks(SourcedDraft?[] drafts, List<(FeedEntry Entry, string Key, string Hash)> items)
    {
        var read = drafts.Select((draft, i) => (Draft: draft, items[i].Entry.Link)).Where(d => d.Draft is not null).ToList();
        var shared = read.Where(d => d.Draft!.Draft.Url is not null)
            .GroupBy(d => d.Draft!.Draft.Url, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.Link).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. read.Select(d => shared.Contains(d.Draft!.Draft.Url ?? "") && d.Link is not null
                ? d.Draft! with { Draft = d.Draft.Draft with { Url = d.Link } }
                : d.Draft!),
        ];
    }

    /// <summary>Writes what the poll learned; a failing source waits twice as long after each failure, up to
    /// <see cref="SourcesOptions.MaxBackoff"/>, or as long as the server asked.</summary>
    /// <param name="read">The source with what its feed said (kind, validators), when it was read.</param>
    private async Task RecordAsync(long id, DateTimeOffset startedAt, SourcePollResult result, TimeSpan? retryAfter, Source? read, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Sources.FindAsync([id], cancellationToken) is not { } stored)
        {
            // Removed while it was being polled.
            return;
        }

        var now = time.GetUtcNow();
        var limits = options.Value;
        var interval = stored.Interval ?? limits.PollInterval;
        stored.LastAttemptAt = startedAt;
        if (read is not null)
        {
            stored.Kind = read.Kind;
            stored.ETag = read.ETag;
            stored.LastModified = read.LastModified;
            stored.LastSuccessAt = now;
            stored.LastError = null;
            stored.ConsecutiveFailures = 0;
            stored.ItemsStored += result.Added;
            stored.NextPollAt = now + Jittered(interval);
        }
        else
        {
            stored.ConsecutiveFailures++;
            stored.LastError = result.Error is { Length: > 1000 } error ? error[..1000] : result.Error;
            // Doubles per failure from the interval, within the cap; a server's Retry-After is honoured up to the cap too.
            var backoff = Min(interval * Math.Pow(2, Math.Min(stored.ConsecutiveFailures - 1, 16)), limits.MaxBackoff);
            stored.NextPollAt = now + Max(Jittered(backoff), Min(retryAfter ?? TimeSpan.Zero, limits.MaxBackoff));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Up to a tenth either way, so that sources added together drift apart instead of firing at once.</summary>
    private static TimeSpan Jittered(TimeSpan interval) => interval * (0.9 + (Random.Shared.NextDouble() * 0.2));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
