using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Summaries;

/// <summary>
/// Titles and summaries that an OpenAI-compatible model writes in the reader's language, kept in the database per
/// article, language and model; the stored extractive summary when the reader reads the article's language or the model fails.
/// </summary>
public sealed class OpenAIReaderSummaries(
    OpenAISummaryWriter writer,
    IDbContextFactory<DigestDbContext> dbFactory,
    TimeProvider time,
    ILogger<OpenAIReaderSummaries> logger) : IReaderSummaries
{
    public async Task<ReaderSummary> GetAsync(Article article, Language reader, CancellationToken cancellationToken)
    {
        if (reader == article.Language)
        {
            return StoredSummaries.FromArticle(article);
        }

        await using var db = dbFactory.CreateDbContext();
        var cached = await db.TranslatedSummaries.FindAsync([article.Id, reader, writer.Model], cancellationToken);
        if (cached is not null && cached.ContentHash == article.ContentHash)
        {
            return new ReaderSummary(cached.Title, cached.Summary, reader, writer.Method);
        }

        var written = await writer.WriteAsync(article.Title, article.Body, article.Language, reader, cancellationToken);
        if (!written.Succeeded)
        {
            logger.LogWarning("summaries: unable to translate article {Id} to {Language}: {Reason}", article.Id, reader.ToCode(), written.Failure);
            return StoredSummaries.FromArticle(article);
        }

        if (cached is null)
        {
            cached = new TranslatedSummary
            {
                ArticleId = article.Id,
                Language = reader,
                Model = writer.Model,
                Title = written.Title,
                Summary = written.Summary,
                ContentHash = article.ContentHash,
            };
            db.TranslatedSummaries.Add(cached);
        }

        (cached.Title, cached.Summary, cached.ContentHash, cached.CreatedAt) = (written.Title, written.Summary, article.ContentHash, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another reader's request stored it first, or the article was deleted meanwhile: the answer still stands.
            logger.LogWarning("summaries: unable to store the {Language} summary of article {Id}: {Reason}",
                reader.ToCode(), article.Id, (ex.InnerException ?? ex).Message);
        }

        return new ReaderSummary(written.Title, written.Summary, reader, writer.Method);
    }
}
