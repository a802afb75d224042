using DigestBot.Core.Importing;
using DigestBot.Core.Topics;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Importing;

/// <summary>Reads seed files and stores their articles: idempotent, by content, one bad file never stopping the rest.</summary>
public sealed class ArticleImporter(
    IDbContextFactory<DigestDbContext> dbFactory,
    DocumentReader reader,
    TopicTagger tagger,
    TimeProvider time)
{
    // Parsing runs in parallel per chunk of files; each batch of drafts is one transaction.
    private const int FilesPerChunk = 256;
    private const int DraftsPerBatch = 500;

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<ImportReport> ImportAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var outcomes = new List<FileImportOutcome>();
            foreach (var chunk in SeedFiles.Expand(paths).Chunk(FilesPerChunk))
            {
                var read = new ReadFile[chunk.Length];
                Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => read[i] = Read(chunk[i]));
                outcomes.AddRange(await StoreAsync(read, cancellationToken));
            }

            return new ImportReport(outcomes);
        }
        finally
        {
            gate.Release();
        }
    }

    private ReadFile Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new ReadFile(path, DocumentReadResult.Skip("no such file"));
            }

            // Checked before reading so that a huge file is never loaded into memory.
            if (info.Length > reader.MaxBytes)
            {
                return new ReadFile(path, DocumentReadResult.Skip($"too large ({info.Length:N0} bytes, the limit is {reader.MaxBytes:N0})"));
            }

            return new ReadFile(path, reader.Read(Path.GetFileName(path), File.ReadAllBytes(path)));
        }
        catch (IOException ex)
        {
            return new ReadFile(path, DocumentReadResult.Skip($"unreadable: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return new ReadFile(path, DocumentReadResult.Skip($"unreadable: {ex.Message}"));
        }
    }

    private async Task<List<FileImportOutcome>> StoreAsync(ReadFile[] files, CancellationToken cancellationToken)
    {
        var tallies = files.Select(f => new Tally(f.Path, f.Result)).ToArray();
        var items = tallies
            .Where(t => !t.Result.Skipped)
            .SelectMany(t => t.Result.Articles.Select(draft => new Item(t, OriginKey(t.Path, draft), draft)));

        foreach (var batch in items.Chunk(DraftsPerBatch))
        {
            await StoreBatchAsync(batch, cancellationToken);
        }

        return [.. tallies.Select(t => t.ToOutcome())];
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

        var orphans = new List<long>();
        foreach (var item in batch)
        {
            var draft = item.Draft;
            if (origins.TryGetValue(item.Key, out var origin))
            {
                if (origin.ContentHash == draft.ContentHash)
                {
                    item.File.Unchanged++;
                    continue;
                }

                if (await ApplyEditAsync(db, origin, draft, byHash, now, cancellationToken) is { } orphan)
                {
                    orphans.Add(orphan);
                }

                item.File.Updated++;
                continue;
            }

            if (byHash.TryGetValue(draft.ContentHash, out var same))
            {
                // The same text under another name: one article, one more origin.
                origins[item.Key] = db.ArticleOrigins.Add(NewOrigin(item.Key, same, draft, now)).Entity;
                item.File.Unchanged++;
                continue;
            }

            var article = NewArticle(draft, now);
            db.Articles.Add(article);
            byHash[draft.ContentHash] = article;
            origins[item.Key] = db.ArticleOrigins.Add(NewOrigin(item.Key, article, draft, now)).Entity;
            item.File.Added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (orphans.Count > 0)
        {
            // After the save, so that the cascade no longer reaches the origins that moved away.
            await db.Articles.Where(a => orphans.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An edited file updates its article in place, unless another file still holds the old text.</summary>
    /// <returns>The id of an article that no file holds any more, to delete.</returns>
    private async Task<long?> ApplyEditAsync(
        DigestDbContext db,
        ArticleOrigin origin,
        ArticleDraft draft,
        Dictionary<string, Article> byHash,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var previousId = origin.ArticleId;
        var sharedWithOthers = await db.ArticleOrigins.AnyAsync(o => o.ArticleId == previousId && o.Key != origin.Key, cancellationToken);
        origin.ContentHash = draft.ContentHash;
        origin.ImportedAt = now;

        if (byHash.TryGetValue(draft.ContentHash, out var existing))
        {
            // The new text is already stored: point at it and drop the old article if nothing else holds it.
            origin.Article = existing;
            return sharedWithOthers || existing.Id == previousId ? null : previousId;
        }

        if (sharedWithOthers)
        {
            var article = NewArticle(draft, now);
            db.Articles.Add(article);
            byHash[draft.ContentHash] = article;
            origin.Article = article;
            return null;
        }

        var current = await db.Articles.Include(a => a.Topics).SingleAsync(a => a.Id == previousId, cancellationToken);
        Fill(current, draft);
        current.UpdatedAt = now;
        byHash[draft.ContentHash] = current;
        return null;
    }

    private Article NewArticle(ArticleDraft draft, DateTimeOffset now)
    {
        var article = new Article { Title = draft.Title, Body = draft.Body, ContentHash = draft.ContentHash, ImportedAt = now, UpdatedAt = now };
        Fill(article, draft);
        return article;
    }

    private void Fill(Article article, ArticleDraft draft)
    {
        article.Title = draft.Title;
        article.Body = draft.Body;
        article.Language = draft.Language;
        article.Source = draft.Source;
        article.Url = draft.Url;
        article.PublishedAt = draft.PublishedAt?.ToUniversalTime();
        article.ContentHash = draft.ContentHash;
        article.WordCount = draft.WordCount;
        article.Topics.Clear();
        article.Topics.AddRange(draft.Topics
            .Concat(tagger.Tag(draft.Title, draft.Body))
            .Distinct(StringComparer.Ordinal)
            .Select(t => new ArticleTopic { TopicId = t }));
    }

    private static ArticleOrigin NewOrigin(string key, Article article, ArticleDraft draft, DateTimeOffset now) =>
        new() { Key = key, Article = article, ContentHash = draft.ContentHash, ImportedAt = now };

    private static string OriginKey(string path, ArticleDraft draft) =>
        draft.ItemKey.Length == 0 ? path : $"{path}#{draft.ItemKey}";

    private sealed record ReadFile(string Path, DocumentReadResult Result);

    private sealed record Item(Tally File, string Key, ArticleDraft Draft);

    private sealed class Tally(string path, DocumentReadResult result)
    {
        public DocumentReadResult Result { get; } = result;

        public string Path { get; } = path;

        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public FileImportOutcome ToOutcome() => new(Path, Added, Updated, Unchanged, Result.SkipReason, Result.Problems);
    }
}
