using System.Threading.Channels;
using DigestBot.Core.Importing;
using DigestBot.Core.Summaries;
using DigestBot.Core.Topics;
using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.Summaries;
using DigestBot.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Importing;

/// <summary>Reads seed files and stores their articles: idempotent, by content, one bad file never stopping the rest.</summary>
public sealed class ArticleImporter(
    IDbContextFactory<DigestDbContext> dbFactory,
    DocumentReader reader,
    TopicTagger tagger,
    ExtractiveSummarizer summarizer,
    IOptions<SummariesOptions> summaryOptions,
    IEnumerable<IArticleIndexer> indexers,
    BotMetrics metrics,
    ArticleChanges changes,
    TimeProvider time)
{
    private readonly SummaryLimits budget = summaryOptions.Value.ToSummaryOptions();

    // Files are read article by article; each batch of drafts is summarized and tagged in parallel, then stored in one
    // transaction, so that a file of any size is many batches and memory holds a few of them.
    private const int DraftsPerBatch = 500;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Imports the files; on cancellation it stops after the batch being stored, which is committed, and reports
    /// what was stored so far (<see cref="ImportReport.Interrupted"/>).</summary>
    public async Task<ImportReport> ImportAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Reading and summarizing the next batch overlaps with storing the one before.
            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reading = Task.Run(() => ReadAllAsync(paths, batches.Writer, stopReading.Token), CancellationToken.None);
            var tallies = new List<Tally>();
            var interrupted = false;
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(CancellationToken.None))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        interrupted = true;
                        break;
                    }

                    // A batch once begun is stored whole, and only then are its files counted: the summary tells exactly
                    // what is in the store.
                    await StoreOrStopAsync(batch, tallies);
                    tallies.AddRange(batch.Files);
                }
            }
            finally
            {
                await stopReading.CancelAsync();
                try
                {
                    await reading;
                }
                catch (OperationCanceledException) when (stopReading.IsCancellationRequested)
                {
                    // Stopped on purpose: by the signal, or because storing ended first.
                    interrupted |= cancellationToken.IsCancellationRequested;
                }
            }

            return Report(tallies, interrupted);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores the articles of one feed poll: an item is matched by its key, then by its text, then by its canonical
    /// URL, against everything stored (seed articles included), so that a story is one article whichever way it came.</summary>
    /// <param name="label">Names the feed in the import metrics and problems.</param>
    public async Task<FileImportOutcome> ImportItemsAsync(string label, IReadOnlyList<SourcedDraft> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return new FileImportOutcome(label, 0, 0, 0, null, []);
        }

        var prepared = new Prepared[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Enrich(items[i].Draft));
        var tally = new Tally(label);
        var batch = items.Select((item, i) => new Item(tally, item.Key, prepared[i], item.EntryHash)).ToArray();

        await gate.WaitAsync(cancellationToken);
        try
        {
            await StoreBatchAsync(batch, cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        var outcome = tally.ToOutcome();
        metrics.ArticlesImported(outcome.Added, outcome.Updated, outcome.Unchanged, 0);
        return outcome;
    }

    /// <summary>Reads the files in order and cuts their drafts into batches; a file's tally travels with the first batch
    /// after it was opened, so that a file with no article (skipped) is reported too.</summary>
    private async Task ReadAllAsync(IEnumerable<string> paths, ChannelWriter<Batch> batches, CancellationToken cancellationToken)
    {
        try
        {
            var drafts = new List<(Tally File, ArticleDraft Draft)>(DraftsPerBatch);
            var opened = new List<Tally>();
            foreach (var file in SeedFiles.Expand(paths))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tally = new Tally(file.Path);
                opened.Add(tally);
                if (file.SkipReason is { } reason)
                {
                    tally.SkipReason = reason;
                    continue;
                }

                foreach (var draft in Read(tally))
                {
                    drafts.Add((tally, draft));
                    if (drafts.Count == DraftsPerBatch)
                    {
                        await batches.WriteAsync(Prepare(drafts, opened, cancellationToken), cancellationToken);
                    }
                }
            }

            if (drafts.Count > 0 || opened.Count > 0)
            {
                await batches.WriteAsync(Prepare(drafts, opened, cancellationToken), cancellationToken);
            }

            batches.Complete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: the batches already written are the import's end.
            batches.Complete();
            throw;
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
            throw;
        }
    }

    /// <summary>The file's drafts as they are read; a file that cannot be opened or read on is skipped with the reason.</summary>
    private IEnumerable<ArticleDraft> Read(Tally tally)
    {
        FileStream? stream = null;
        IEnumerator<ArticleDraft> drafts;
        try
        {
            stream = new FileStream(tally.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            tally.SkipReason = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"unreadable: {ex.Message}";
        }

        if (stream is null)
        {
            yield break;
        }

        using (stream)
        {
            try
            {
                tally.Document = reader.Open(Path.GetFileName(tally.Path), stream);
            }
            catch (IOException ex)
            {
                // A file cut short while it is read (still being copied into the seeds folder, say) costs only itself.
                tally.SkipReason = $"unreadable: {ex.Message}";
                yield break;
            }

            using (drafts = tally.Document.Articles().GetEnumerator())
            {
                while (true)
                {
                    try
                    {
                        if (!drafts.MoveNext())
                        {
                            break;
                        }
                    }
                    catch (IOException ex)
                    {
                        tally.SkipReason = $"unreadable: {ex.Message}";
                        break;
                    }

                    yield return drafts.Current;
                }
            }
        }
    }

    /// <summary>Stores a batch; when the store refuses it (a full disk), the batch is rolled back, its items count as not
    /// stored, and the import stops with the report of what the batches before it stored.</summary>
    private async Task StoreOrStopAsync(Batch batch, List<Tally> tallies)
    {
        var before = batch.Items.Select(i => i.File).Distinct().Select(t => (Tally: t, t.Counts)).ToList();
        try
        {
            await StoreBatchAsync(batch.Items, CancellationToken.None);
        }
        catch (Exception ex) when (StorageFaults.IsStorageError(ex))
        {
            foreach (var (tally, counts) in before)
            {
                tally.Counts = counts;
            }

            throw new ImportStoppedException(Report(tallies, interrupted: false), ex);
        }
    }

    /// <summary>What the stored files amount to, counted once in the import metrics.</summary>
    private ImportReport Report(List<Tally> tallies, bool interrupted)
    {
        var report = new ImportReport([.. tallies.Select(t => t.ToOutcome())]) { Interrupted = interrupted };
        metrics.ArticlesImported(report.Added, report.Updated, report.Unchanged, report.SkippedFiles + report.Problems);
        return report;
    }

    /// <summary>Summaries and topics for a batch, worked out in parallel here rather than in the one writer.</summary>
    private Batch Prepare(List<(Tally File, ArticleDraft Draft)> drafts, List<Tally> opened, CancellationToken cancellationToken)
    {
        var items = new Item[drafts.Count];
        Parallel.For(0, drafts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (file, draft) = drafts[i];
            items[i] = new Item(file, OriginKey(file.Path, draft), Enrich(draft));
        });
        var batch = new Batch(items, [.. opened]);
        drafts.Clear();
        opened.Clear();
        return batch;
    }

    private async Task StoreBatchAsync(Item[] batch, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();

        var keys = batch.Select(i => i.Key).Distinct().ToList();
        var origins = await db.ArticleOrigins
            .Where(o => keys.Contains(o.Key))
            .ToDictionaryAsync(o => o.Key, cancellationToken);
        var hashes = batch.Select(i => i.Draft.ContentHash).Distinct().ToList();
        var byHash = await db.Articles
            .Where(a => hashes.Contains(a.ContentHash))
            .ToDictionaryAsync(a => a.ContentHash, cancellationToken);

        // Texts that retention removed stay removed, whichever file or feed still holds them.
        var unstored = hashes.Where(h => !byHash.ContainsKey(h)).ToList();
        var pruned = unstored.Count == 0
            ? []
            : (await db.PrunedArticles.Where(p => unstored.Contains(p.ContentHash)).Select(p => p.ContentHash).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);

        // Only feed items are matched by address: two seed files may well quote one page.
        var urls = batch.Where(i => i.EntryHash is not null && i.Draft.Url is not null).Select(i => i.Draft.Url!).Distinct().ToList();
        var byUrl = urls.Count == 0
            ? []
            : (await db.Articles.Where(a => a.Url != null && urls.Contains(a.Url)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
                .DistinctBy(a => a.Url)
                .ToDictionary(a => a.Url!, StringComparer.Ordinal);

        var orphans = new List<long>();
        var added = new NewRows();
        var changed = new List<(Article Article, Prepared Prepared)>();
        var edited = new List<long>();
        foreach (var item in batch)
        {
            var draft = item.Draft;
            if (origins.TryGetValue(item.Key, out var origin))
            {
                if (added.PointsAtNew(origin))
                {
                    // The key came twice in this batch (one JSON Lines id on two lines, say): the first text stands.
                    item.File.Unchanged++;
                    continue;
                }

                origin.EntryHash = item.EntryHash ?? origin.EntryHash;
                if (origin.ContentHash == draft.ContentHash)
                {
                    item.File.Unchanged++;
                    continue;
                }

                if (await ApplyEditAsync(db, origin, item.Prepared, byHash, now, added, changed, edited, cancellationToken) is { } orphan)
                {
                    orphans.Add(orphan);
                }

                item.File.Updated++;
                continue;
            }

            if (byHash.TryGetValue(draft.ContentHash, out var same))
            {
                // The same text under another name: one article, one more origin.
                origins[item.Key] = added.AddOrigin(db, NewOrigin(item, same, now));
                item.File.Unchanged++;
                continue;
            }

            if (pruned.Contains(draft.ContentHash))
            {
                item.File.Unchanged++;
                continue;
            }

            if (draft.Url is not null && item.EntryHash is not null && byUrl.TryGetValue(draft.Url, out var samePage))
            {
                // The same page under another guid or feed, with a newer text: it is edited in place.
                origins[item.Key] = added.AddOrigin(db, NewOrigin(item, samePage, now));
                if (samePage.Id == 0 || changed.Exists(c => ReferenceEquals(c.Article, samePage)))
                {
                    // Two items of one poll naming one page: the first one's text stands.
                    item.File.Unchanged++;
                    continue;
                }

                await db.Entry(samePage).Collection(a => a.Topics).LoadAsync(cancellationToken);
                edited.Add(samePage.Id);
                Fill(samePage, item.Prepared);
                samePage.UpdatedAt = now;
                changed.Add((samePage, item.Prepared));
                byHash[draft.ContentHash] = samePage;
                item.File.Updated++;
                continue;
            }

            var article = NewArticle(item.Prepared, now);
            added.Add(article);
            changed.Add((article, item.Prepared));
            byHash[draft.ContentHash] = article;
            if (draft.Url is not null)
            {
                byUrl.TryAdd(draft.Url, article);
            }

            origins[item.Key] = added.AddOrigin(db, NewOrigin(item, article, now));
            item.File.Added++;
        }

        await added.WriteArticlesAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await added.WriteOriginsAsync(db, cancellationToken);
        if (orphans.Count > 0)
        {
            // After the save, so that the cascade no longer reaches the origins that moved away.
            await db.Articles.Where(a => orphans.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await WriteTopicsAsync(db, changed, cancellationToken);
        foreach (var indexer in indexers)
        {
            // An article edited in place is dropped from the index and written again; a new one is only written.
            await indexer.IndexAsync(db, [.. changed.Select(c => c.Article)], [.. orphans, .. edited], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        changes.Changed();
    }

    /// <summary>An edited file updates its article in place, unless another file still holds the old text.</summary>
    /// <returns>The id of an article that no file holds any more, to delete.</returns>
    private static async Task<long?> ApplyEditAsync(
        DigestDbContext db,
        ArticleOrigin origin,
        Prepared prepared,
        Dictionary<string, Article> byHash,
        DateTimeOffset now,
        NewRows added,
        List<(Article Article, Prepared Prepared)> changed,
        List<long> edited,
        CancellationToken cancellationToken)
    {
        var draft = prepared.Draft;
        var previousId = origin.ArticleId;
        var sharedWithOthers = await db.ArticleOrigins.AnyAsync(o => o.ArticleId == previousId && o.Key != origin.Key, cancellationToken);
        origin.ContentHash = draft.ContentHash;
        origin.ImportedAt = now;

        if (byHash.TryGetValue(draft.ContentHash, out var existing))
        {
            // The new text is already stored: point at it and drop the old article if nothing else holds it.
            added.Move(origin, existing);
            return sharedWithOthers || existing.Id == previousId ? null : previousId;
        }

        if (sharedWithOthers)
        {
            var article = NewArticle(prepared, now);
            added.Add(article);
            changed.Add((article, prepared));
            byHash[draft.ContentHash] = article;
            added.Move(origin, article);
            return null;
        }

        var current = await db.Articles.Include(a => a.Topics).SingleAsync(a => a.Id == previousId, cancellationToken);
        if (changed.Exists(c => ReferenceEquals(c.Article, current)))
        {
            // Already rewritten by another item of this batch: its text stands.
            return null;
        }

        Fill(current, prepared);
        current.UpdatedAt = now;
        changed.Add((current, prepared));
        edited.Add(current.Id);
        byHash[draft.ContentHash] = current;
        return null;
    }

    /// <summary>Tags are many small rows: one reused command writes them several times faster than tracked entities.</summary>
    /// <remarks>The engine's own SQL helper quotes the names and marks the parameters, so the command serves every engine.</remarks>
    private static async Task WriteTopicsAsync(DigestDbContext db, List<(Article Article, Prepared Prepared)> changed, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier("ArticleTopics")} ({sql.DelimitIdentifier(nameof(ArticleTopic.ArticleId))}, " +
            $"{sql.DelimitIdentifier(nameof(ArticleTopic.TopicId))}) " +
            $"VALUES ({sql.GenerateParameterNamePlaceholder("article")}, {sql.GenerateParameterNamePlaceholder("topic")})";
        var article = command.CreateParameter();
        article.ParameterName = sql.GenerateParameterName("article");
        var topic = command.CreateParameter();
        topic.ParameterName = sql.GenerateParameterName("topic");
        command.Parameters.Add(article);
        command.Parameters.Add(topic);
        foreach (var (tagged, prepared) in changed)
        {
            foreach (var id in prepared.Topics)
            {
                article.Value = tagged.Id;
                topic.Value = id;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static Article NewArticle(Prepared prepared, DateTimeOffset now)
    {
        var draft = prepared.Draft;
        var article = new Article { Title = draft.Title, Body = draft.Body, ContentHash = draft.ContentHash, ImportedAt = now, UpdatedAt = now };
        Fill(article, prepared);
        return article;
    }

    private static void Fill(Article article, Prepared prepared)
    {
        var draft = prepared.Draft;
        article.Title = draft.Title;
        article.Body = draft.Body;
        article.Language = draft.Language;
        article.Source = draft.Source;
        article.Url = draft.Url;
        article.ImageUrl = draft.ImageUrl;
        article.PublishedAt = draft.PublishedAt?.ToUniversalTime();
        article.ContentHash = draft.ContentHash;
        article.WordCount = draft.WordCount;
        article.Summary = prepared.Summary;

        // The old tags go with the save; the new ones are written after it (WriteTopicsAsync).
        article.Topics.Clear();
    }

    private static ArticleOrigin NewOrigin(Item item, Article article, DateTimeOffset now) =>
        new() { Key = item.Key, Article = article, ContentHash = item.Draft.ContentHash, ImportedAt = now, EntryHash = item.EntryHash };

    private static string OriginKey(string path, ArticleDraft draft) =>
        draft.ItemKey.Length == 0 ? path : $"{path}#{draft.ItemKey}";

    /// <summary>Summaries and topics are worked out here, in the parallel part, not in the one writer.</summary>
    private Prepared Enrich(ArticleDraft draft) => new(
        draft,
        summarizer.Summarize(draft.Body, draft.Language, budget).Text,
        [.. draft.Topics.Concat(tagger.Tag(draft.Title, draft.Body)).Distinct(StringComparer.Ordinal)]);

    private sealed record Prepared(ArticleDraft Draft, string Summary, IReadOnlyList<string> Topics);

    /// <summary>The articles a batch adds and the origins that point at them, kept out of the change tracker and written with
    /// one prepared insert each: the new articles first, for their ids, then the tracked changes, then the new origins.</summary>
    private sealed class NewRows
    {
        private readonly List<Article> articles = [];
        private readonly HashSet<Article> isNew = new(ReferenceEqualityComparer.Instance);
        private readonly List<ArticleOrigin> origins = [];
        private readonly Dictionary<ArticleOrigin, Article> moved = new(ReferenceEqualityComparer.Instance);

        public void Add(Article article)
        {
            articles.Add(article);
            isNew.Add(article);
        }

        /// <summary>An origin of a new article waits for its id; one of a stored article is tracked as usual.</summary>
        public ArticleOrigin AddOrigin(DigestDbContext db, ArticleOrigin origin)
        {
            if (origin.Article is { } article && isNew.Contains(article))
            {
                origins.Add(origin);
            }
            else
            {
                db.ArticleOrigins.Add(origin);
            }

            return origin;
        }

        /// <summary>Points a stored origin at an article; at a new one only once that has its id.</summary>
        public void Move(ArticleOrigin origin, Article article)
        {
            if (isNew.Contains(article))
            {
                moved[origin] = article;
            }
            else
            {
                origin.Article = article;
            }
        }

        /// <summary>Whether the origin points at an article of this batch that is not stored yet.</summary>
        public bool PointsAtNew(ArticleOrigin origin) =>
            moved.ContainsKey(origin) || (origin.Article is { } article && isNew.Contains(article));

        public async Task WriteArticlesAsync(DigestDbContext db, CancellationToken cancellationToken)
        {
            if (articles.Count > 0)
            {
                await using var insert = RowInserter<Article>.Create(db);
                foreach (var article in articles)
                {
                    article.Id = (await insert.InsertAsync(article, cancellationToken))!.Value;
                }
            }

            foreach (var (origin, article) in moved)
            {
                origin.ArticleId = article.Id;
            }
        }

        public async Task WriteOriginsAsync(DigestDbContext db, CancellationToken cancellationToken)
        {
            if (origins.Count == 0)
            {
                return;
            }

            await using var insert = RowInserter<ArticleOrigin>.Create(db);
            foreach (var origin in origins)
            {
                origin.ArticleId = origin.Article!.Id;
                await insert.InsertAsync(origin, cancellationToken);
            }
        }
    }


    /// <param name="Files">The files first met in this batch, in order, whether or not they have items in it.</param>
    private sealed record Batch(Item[] Items, Tally[] Files);

    /// <param name="EntryHash">For a feed item, the hash of the item as the feed gave it; null for a seed file.</param>
    private sealed record Item(Tally File, string Key, Prepared Prepared, string? EntryHash = null)
    {
        public ArticleDraft Draft => Prepared.Draft;
    }

    private sealed class Tally(string path)
    {
        public string Path { get; } = path;

        /// <summary>The file as it is being read; its problems and skip reason are final once it has been.</summary>
        public DocumentStream? Document { get; set; }

        /// <summary>Why the file could not be opened or read on.</summary>
        public string? SkipReason { get; set; }

        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public (int Added, int Updated, int Unchanged) Counts
        {
            get => (Added, Updated, Unchanged);
            set => (Added, Updated, Unchanged) = value;
        }

        public FileImportOutcome ToOutcome() =>
            new(Path, Added, Updated, Unchanged, SkipReason ?? Document?.SkipReason, Document?.Problems ?? []);
    }
}
