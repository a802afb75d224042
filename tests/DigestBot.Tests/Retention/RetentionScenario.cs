using System.Globalization;
using DigestBot.Core.Articles;
using DigestBot.Importing;
using DigestBot.Retention;
using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Retention;

/// <summary>One store with articles and delivery records on both sides of the retention windows, the same on every
/// provider: each article has a word of its own to search for, topics, origins and a translated summary.</summary>
internal sealed class RetentionScenario : IAsyncDisposable
{
    public const int RetainDays = 30;

    /// <summary>The moment the prune runs.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private RetentionScenario(TestHost host, TestClock clock)
    {
        Host = host;
        Clock = clock;
    }

    public TestHost Host { get; }

    public TestClock Clock { get; }

    public string Seeds => Host.Folder.File("seeds");

    /// <summary>The search word of each article that must go.</summary>
    public static IReadOnlyList<string> Old { get; } = ["alpharidge", "betamoor"];

    /// <summary>The search word of each article that must stay.</summary>
    public static IReadOnlyList<string> Young { get; } = ["gammafjord", "deltacove", "epsilonvale"];

    /// <param name="connectionString">A test PostgreSQL database, or null for a fresh SQLite file.</param>
    public static async Task<RetentionScenario> StartAsync(string? connectionString, int retainDays = RetainDays)
    {
        var clock = new TestClock(autoAdvance: false);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:RetainDays"] = retainDays.ToString(CultureInfo.InvariantCulture),
            ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
        };
        if (connectionString is not null)
        {
            settings["Storage:Provider"] = "Postgres";
        }

        var host = await TestHost.StartAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(clock), connectionString);
        var scenario = new RetentionScenario(host, clock);
        await scenario.ArrangeAsync();
        return scenario;
    }

    /// <summary>Ids of the articles by their search word.</summary>
    public Dictionary<string, long> Ids { get; } = [];

    public async Task<RetentionReport> PruneAsync()
    {
        MoveTo(Now);
        return await Host.Get<StoreRetention>().PruneAsync(CancellationToken.None);
    }

    public async Task<int> FoundAsync(string word) =>
        (await Host.Get<IArticleSearch>().SearchAsync(word, null, 0, 10, CancellationToken.None)).Total;

    /// <summary>The article ids the search index holds, read from the provider's own table.</summary>
    public async Task<List<long>> IndexedIdsAsync()
    {
        await using var db = Host.Db();
        var sql = db.Database.IsNpgsql()
            ? """SELECT article_id AS "Value" FROM article_search ORDER BY article_id"""
            : "SELECT rowid AS Value FROM ArticleSearch ORDER BY rowid";
        return await db.Database.SqlQueryRaw<long>(sql).ToListAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private async Task ArrangeAsync()
    {
        var importer = Host.Get<ArticleImporter>();

        // Undated articles count from their import: one imported 40 days ago, one 29 days ago.
        MoveTo(Now.AddDays(-40));
        await importer.ImportAsync([Write("undated-old.md", "betamoor", published: null)], CancellationToken.None);
        MoveTo(Now.AddDays(-29));
        await importer.ImportAsync([Write("undated-young.md", "epsilonvale", published: null)], CancellationToken.None);

        MoveTo(Now);
        var report = await importer.ImportAsync(
            [
                Write("old.md", "alpharidge", Now.AddDays(-RetainDays).AddHours(-1)),
                Write("old-copy.md", "alpharidge", Now.AddDays(-RetainDays).AddHours(-1)),
                Write("inside.md", "gammafjord", Now.AddDays(-RetainDays).AddHours(1)),
                Write("fresh.md", "deltacove", Now.AddDays(-1)),
            ],
            CancellationToken.None);
        report.Added.Should().Be(3, "old-copy.md holds the text of old.md: a second origin of one article");

        await using var db = Host.Db();
        foreach (var word in Old.Concat(Young))
        {
            Ids[word] = await db.Articles.Where(a => a.Body.Contains(word)).Select(a => a.Id).SingleAsync();
        }

        foreach (var word in new[] { "alpharidge", "gammafjord" })
        {
            var article = await db.Articles.SingleAsync(a => a.Id == Ids[word]);
            db.TranslatedSummaries.Add(new TranslatedSummary
            {
                ArticleId = article.Id,
                Language = Language.Ru,
                Model = "test-model",
                Title = "Заголовок " + word,
                Summary = "Кратко: " + word,
                ContentHash = article.ContentHash,
                CreatedAt = Now.AddDays(-2),
            });
        }

        foreach (var days in new[] { 89, 91 })
        {
            var at = Now.AddDays(-days);
            db.Deliveries.Add(new Delivery { ChatId = 1000 + days, WindowEnd = at, State = DeliveryState.Sent, Node = "node-1", StartedAt = at, FinishedAt = at });
        }

        await db.SaveChangesAsync();
    }

    private string Write(string name, string word, DateTimeOffset? published)
    {
        var dateline = published is { } date ? $"published: {date.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\n" : "";
        return Host.Folder.Write(
            Path.Combine("seeds", name),
            $"""
            ---
            title: The {word} festival opens its doors
            source: example.org
            language: en
            {dateline}topics: [culture]
            ---
            The {word} festival opened on Friday with concerts, exhibitions and a book fair for families.

            Organisers of {word} expect more than ten thousand visitors over the weekend, most of them from the region.
            """);
    }

    private void MoveTo(DateTimeOffset moment) => Clock.Advance(moment - Clock.GetUtcNow());
}
