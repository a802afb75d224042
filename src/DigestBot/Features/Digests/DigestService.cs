using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Digests;
using DigestBot.Core.Schedules;
using DigestBot.Localization;
using DigestBot.Storage;
using DigestBot.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Features.Digests;

/// <summary>Builds digests: the articles of a window, composed for a reader's preferences and rendered in their language.</summary>
public sealed class DigestService(
    IDbContextFactory<DigestDbContext> dbFactory,
    IReaderSummaries summaries,
    Texts texts,
    IOptions<DigestOptions> options)
{
    // The newest articles of a window are plenty to pick seven from, however busy the day was.
    private const int MaxCandidates = 5_000;
    private const int LeadChars = 1_000;

    /// <summary>The first digest covers the last day; later ones what came since the one before.</summary>
    public static readonly TimeSpan FirstWindow = TimeSpan.FromHours(24);

    public DigestPreferences PreferencesFor(Subscription? subscription, Language language, bool allLanguages)
    {
        var filter = subscription is { Filters.Length: > 0 } ? DigestFilter.Parse(subscription.Filters).Filter : DigestFilter.None;
        return new DigestPreferences(language)
        {
            Topics = subscription?.TopicIds ?? [],
            Filter = filter,
            MaxItems = options.Value.MaxItems,
            AllLanguages = allLanguages,
        };
    }

    /// <summary>The window from <paramref name="since"/> (or a day back) to now, in the chat's time zone so that the
    /// header shows the reader's date.</summary>
    public static DigestWindow WindowFor(string? timeZone, DateTimeOffset? since, DateTimeOffset now)
    {
        var zone = timeZone is null ? TimeZoneInfo.Utc : ScheduleZone.Resolve(timeZone);
        var to = TimeZoneInfo.ConvertTime(now, zone);
        var from = since is { } last && last < now ? TimeZoneInfo.ConvertTime(last, zone) : to - FirstWindow;
        return new DigestWindow(from, to);
    }

    /// <summary>The digest's messages, the first showing the top article's picture, or null when nothing in the window
    /// fits: then nothing is sent.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>?> BuildAsync(DigestPreferences preferences, DigestWindow window, CancellationToken cancellationToken)
    {
        var (candidates, images) = await CandidatesAsync(preferences, window, cancellationToken);
        if (DigestComposer.Compose(candidates, preferences, window) is not { } digest)
        {
            return null;
        }

        digest = await InReaderLanguageAsync(digest, cancellationToken);
        var language = preferences.Language;
        var summaryIn = LanguageCodes.All.ToDictionary(l => l, l => texts.Get(language, "Article_SummaryIn_" + l.ToCode()));
        var messages = DigestRenderer.Render(digest, new DigestTexts(texts.Get(language, "Digest_Title"), texts.Get(language, "Digest_AlsoReported"), summaryIn));
        images.TryGetValue(digest.Items[0].Article.Id, out var preview);
        return [.. messages.Select((html, i) => new OutgoingMessage(html, PreviewUrl: i == 0 ? preview : null))];
    }

    private async Task<(List<DigestCandidate> Candidates, Dictionary<long, string> Images)> CandidatesAsync(DigestPreferences preferences, DigestWindow window, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // PostgreSQL takes only UTC instants for timestamptz parameters; the window carries the reader's offset.
        var (from, to) = (window.From.ToUniversalTime(), window.To.ToUniversalTime());
        var query = db.Articles.AsNoTracking()
            .Where(a => (a.PublishedAt >= from && a.PublishedAt < to) || (a.ImportedAt >= from && a.ImportedAt < to));
        if (!preferences.AllLanguages)
        {
            query = query.Where(a => a.Language == preferences.Language);
        }

        if (preferences.Topics.Count > 0)
        {
            var topics = preferences.Topics.ToList();
            query = query.Where(a => a.Topics.Any(t => topics.Contains(t.TopicId)));
        }

        var rows = await query
            .OrderByDescending(a => a.PublishedAt ?? a.ImportedAt)
            .Take(MaxCandidates)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Summary,
                a.Language,
                a.Source,
                a.Url,
                a.ImageUrl,
                a.PublishedAt,
                a.ImportedAt,
                Topics = a.Topics.Select(t => t.TopicId).ToList(),
                Lead = a.Body.Substring(0, LeadChars),
            })
            .ToListAsync(cancellationToken);
        return (
            [.. rows.Select(a => new DigestCandidate(a.Id, a.Title, a.Summary ?? "", a.Language, a.Source, a.Url, a.PublishedAt, a.ImportedAt, a.Topics, a.Lead))],
            rows.Where(a => a.ImageUrl is not null).ToDictionary(a => a.Id, a => a.ImageUrl!));
    }

    /// <summary>With a translating provider, the chosen items' titles and summaries are written in the reader's language.</summary>
    private async Task<Digest> InReaderLanguageAsync(Digest digest, CancellationToken cancellationToken)
    {
        var foreign = digest.Items.Where(i => i.Article.Language != digest.Language).Select(i => i.Article.Id).ToList();
        if (foreign.Count == 0 || summaries is StoredSummaries)
        {
            return digest;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var articles = await db.Articles.AsNoTracking().Where(a => foreign.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var items = await Task.WhenAll(digest.Items.Select(async item =>
        {
            if (!articles.TryGetValue(item.Article.Id, out var article))
            {
                return item;
            }

            var written = await summaries.GetAsync(article, digest.Language, cancellationToken);
            return item with { Article = item.Article with { Title = written.Title, Summary = written.Summary, SummaryLanguage = written.Language } };
        }));
        return digest with { Items = items };
    }
}
