using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using DigestBot.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DigestBot.Tests.Web;

/// <summary><c>/healthz</c> and <c>/metrics</c> of the running host, and when it listens at all.</summary>
[Trait("Category", "Slow")]
public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Healthz_reports_the_database_the_scheduler_and_when_the_last_update_came()
    {
        await using var bot = await WebBot.StartAsync();

        var before = await HealthAsync(bot);
        (await bot.PostUpdateAsync(BotJson.TextUpdate(11, "/help"))).Dispose();
        await bot.WaitForAsync("sendMessage", 1);
        var after = await HealthAsync(bot);

        before.Status.Should().Be(HttpStatusCode.OK);
        before.Json["status"]!.GetValue<string>().Should().Be("healthy");
        before.Json["checks"]!["database"]!["status"]!.GetValue<string>().Should().Be("healthy");
        before.Json["checks"]!["scheduler"]!["status"]!.GetValue<string>().Should().Be("healthy");
        before.Json["lastUpdateReceivedAt"].Should().BeNull("no update has come yet");
        after.Status.Should().Be(HttpStatusCode.OK);
        after.Json["lastUpdateReceivedAt"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Healthz_is_degraded_not_down_while_a_source_fails_for_longer_than_StaleAfter_and_fetches_are_counted()
    {
        await using var site = await NewsSite.StartAsync();
        SourceFixtures.ServePages(site);
        site.ServeFixture("/rss", "feeds/rss2.xml");
        await using var bot = await WebBot.StartAsync(new Dictionary<string, string?> { ["Sources:AllowPrivateAddresses"] = "true" });
        var store = bot.Get<SourceStore>();
        var poller = bot.Get<SourcePoller>();

        // The minute job would poll the new sources too and double the counts: only the test's polls may run.
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        await scheduler.PauseJob(SourcesJob.Key);
        while ((await scheduler.QueryFireInstances(new FireInstanceQuery { Job = SourcesJob.Key })).Items.Count > 0)
        {
            await Task.Delay(20);
        }

        var (good, _) = await store.AddAsync(new SourceSpec(site.Url("/rss")), CancellationToken.None);
        var (gone, _) = await store.AddAsync(new SourceSpec(site.Url("/gone")), CancellationToken.None);
        await poller.PollAsync(good, CancellationToken.None);
        await poller.PollAsync(gone, CancellationToken.None);
        var fresh = await HealthAsync(bot);

        // The failing source was added a day and an hour ago and has never been read since.
        await using (var db = bot.Get<DigestDbContextFactory>().CreateDbContext())
        {
            await db.Sources.Where(s => s.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AddedAt, DateTimeOffset.UtcNow.AddHours(-25)));
        }

        var stale = await HealthAsync(bot);
        var metrics = await bot.Http.GetStringAsync("/metrics");

        fresh.Json["checks"]!["sources"]!["status"]!.GetValue<string>().Should().Be("healthy", "a failure younger than a day is no alarm");
        stale.Status.Should().Be(HttpStatusCode.OK);
        stale.Json["status"]!.GetValue<string>().Should().Be("degraded");
        stale.Json["checks"]!["sources"]!["status"]!.GetValue<string>().Should().Be("degraded");
        stale.Json["checks"]!["sources"]!["description"]!.GetValue<string>().Should()
            .Be($"sources failing for over 1.00:00:00: {gone.Id} {site.Url("/gone")} (HTTP 404 Not Found)");
        metrics.Should().Contain("digestbot_sources_fetches_total{outcome=\"ok\"} 5\n", "the feed and its four teaser pages");
        metrics.Should().Contain("digestbot_sources_fetches_total{outcome=\"failed\"} 1\n");
        metrics.Should().Contain("digestbot_sources_items_total{outcome=\"added\"} 6\n");
        metrics.Should().MatchRegex(@"\ndigestbot_sources_bytes_total\{\} [1-9]\d{3,}\n");
    }

    [Fact]
    public async Task Healthz_is_503_once_the_scheduler_is_shut_down()
    {
        await using var bot = await WebBot.StartAsync();
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();

        await scheduler.Shutdown();
        var health = await HealthAsync(bot);

        health.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Json["status"]!.GetValue<string>().Should().Be("unhealthy");
        health.Json["checks"]!["scheduler"]!["status"]!.GetValue<string>().Should().Be("unhealthy");
        health.Json["checks"]!["database"]!["status"]!.GetValue<string>().Should().Be("healthy");
    }

    [Fact]
    public async Task Healthz_is_503_when_the_database_file_is_gone()
    {
        await using var bot = await WebBot.StartAsync(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0", ["Telegram:Mode"] = "Polling" });

        // Idle pooled connections would still reach the deleted file's data.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(bot.Folder.Path, recursive: true);
        var health = await HealthAsync(bot);

        health.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.Json["checks"]!["database"]!["status"]!.GetValue<string>().Should().Be("unhealthy");
        health.Json["checks"]!["database"]!["description"]!.GetValue<string>().Should().StartWith("database: unable to query");
    }

    [Fact]
    public async Task Metrics_are_Prometheus_text_whose_counters_grow_with_the_updates()
    {
        await using var bot = await WebBot.StartAsync();
        bot.Api.Enqueue("sendMessage", FakeAnswer.Error(429, "Too Many Requests: retry after 1", retryAfter: 1));

        using var empty = await bot.Http.GetAsync("/metrics");
        (await bot.PostUpdateAsync(BotJson.TextUpdate(21, "/help"))).Dispose();
        await bot.WaitForAsync("sendMessage", 2);
        var once = await bot.MetricsOnceTheyHoldAsync("digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 1\n");
        (await bot.PostUpdateAsync(BotJson.TextUpdate(22, "/start"))).Dispose();
        await bot.WaitForAsync("sendMessage", 3);
        var twice = await bot.MetricsOnceTheyHoldAsync("digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 2\n");

        empty.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        (await empty.Content.ReadAsStringAsync()).Should().Contain("# TYPE target_info gauge\n").And.NotContain("digestbot_", "a counter is listed from its first count");
        foreach (var name in new[]
        {
            "digestbot_updates_handled_total", "digestbot_telegram_messages_sent_total", "digestbot_telegram_api_errors_total",
            "digestbot_telegram_flood_waits_total",
        })
        {
            once.Should().Contain($"# TYPE {name} counter\n").And.Contain($"# HELP {name} ");
        }

        once.Should().Contain("digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 1\n");
        once.Should().Contain("digestbot_telegram_messages_sent_total{method=\"sendMessage\"} 1\n");
        once.Should().Contain("digestbot_telegram_api_errors_total{code=\"429\",method=\"sendMessage\"} 1\n");
        once.Should().Contain("\ndigestbot_telegram_flood_waits_total{} 1\n");
        twice.Should().Contain("digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 2\n");
        twice.Should().Contain("digestbot_telegram_messages_sent_total{method=\"sendMessage\"} 2\n");
    }

    [Fact]
    public async Task Polling_with_Urls_serves_health_and_metrics_and_still_polls()
    {
        await using var bot = await WebBot.StartAsync(new Dictionary<string, string?> { ["Telegram:Mode"] = "Polling" });

        var health = await HealthAsync(bot);
        await bot.WaitForAsync("getUpdates", 1);

        health.Status.Should().Be(HttpStatusCode.OK);
        using var metrics = await bot.Http.GetAsync("/metrics");
        metrics.StatusCode.Should().Be(HttpStatusCode.OK);
        metrics.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        (await metrics.Content.ReadAsStringAsync()).Should().Contain("# TYPE target_info gauge\n");
        bot.Api.RequestsFor("deleteWebhook").Should().ContainSingle();
        bot.Api.RequestsFor("setWebhook").Should().BeEmpty();
    }

    [Fact]
    public async Task Polling_without_Urls_opens_no_port()
    {
        await using var bot = await WebBot.StartAsync(new Dictionary<string, string?> { ["Telegram:Mode"] = "Polling", ["Urls"] = null });

        await bot.WaitForAsync("getUpdates", 1);

        var server = bot.Get<IServer>();
        server.GetType().Name.Should().Be("NoServer", "Kestrel would listen on localhost:5000 by default");
        server.Features.Get<IServerAddressesFeature>()!.Addresses.Should().BeEmpty();
        bot.Logs.Lines.Should().NotContain(l => l.Contains("Now listening on"));
    }

    [Fact]
    public async Task Imported_articles_are_counted_by_outcome()
    {
        await using var bot = await WebBot.StartAsync(new Dictionary<string, string?> { ["Telegram:Mode"] = "Polling", ["Urls"] = null });
        var seeds = bot.Folder.File("seeds");
        var article = "---\ntitle: Rain in Almaty\nlanguage: en\n---\nRain fell over Almaty all day. The city closed two parks.\n";
        bot.Folder.Write("seeds/rain.md", article);
        bot.Folder.Write("seeds/empty.txt", "");
        var importer = bot.Get<DigestBot.Importing.ArticleImporter>();

        await importer.ImportAsync([seeds], CancellationToken.None);
        await importer.ImportAsync([seeds], CancellationToken.None);
        bot.Folder.Write("seeds/rain.md", article.Replace("two parks", "three parks", StringComparison.Ordinal));
        await importer.ImportAsync([seeds], CancellationToken.None);
        var scrape = await bot.Host.Services.ScrapeAsync();

        ScrapedMetrics.ValueOf(scrape, "digestbot_articles_imported_total", "outcome", "added").Should().Be(1);
        ScrapedMetrics.ValueOf(scrape, "digestbot_articles_imported_total", "outcome", "unchanged").Should().Be(1);
        ScrapedMetrics.ValueOf(scrape, "digestbot_articles_imported_total", "outcome", "updated").Should().Be(1);
        ScrapedMetrics.ValueOf(scrape, "digestbot_articles_imported_total", "outcome", "skipped").Should().Be(3, "the empty file, at each of the three imports");
    }

    private static async Task<(HttpStatusCode Status, JsonNode Json)> HealthAsync(WebBot bot)
    {
        using var response = await bot.Http.GetAsync(WebServiceCollectionExtensions.HealthPath);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
