using System.Text.RegularExpressions;
using DigestBot.Core.Articles;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Sources;

/// <summary>The bot polls a real HTTP server on loopback serving feeds and article pages that look like real news sites.</summary>
[Trait("Category", "Slow")]
public sealed partial class SourcePollingTests : IAsyncLifetime
{
    private NewsSite site = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        site = await NewsSite.StartAsync();
        SourceFixtures.ServePages(site);
        host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await site.DisposeAsync();
    }

    [Theory]
    [InlineData("rss2.xml", "rss")]
    [InlineData("rdf.xml", "rss")]
    [InlineData("atom.xml", "atom")]
    [InlineData("feed.json", "jsonfeed")]
    public async Task Every_feed_format_becomes_articles_with_teaser_pages_fetched_and_cleaned(string feed, string kind)
    {
        site.ServeFixture("/feed", $"feeds/{feed}");

        var result = await PollAsync("/feed");

        result.Error.Should().BeNull();
        var expected = SourceFixtures.FeedItems[feed];
        result.Added.Should().Be(expected.Count, string.Join("; ", result.Problems));
        await using var db = host.Db();
        (await db.Sources.SingleAsync()).Kind.Should().Be(kind);
        var articles = await db.Articles.AsNoTracking().ToListAsync();
        foreach (var item in expected)
        {
            var article = articles.Should().ContainSingle(a => a.Title == item.Title, $"the item '{item.Title}' is stored under its plain title").Subject;
            if (item.Page is { } name)
            {
                var page = SourceFixtures.Page(name);
                article.Url.Should().Be(page.On(site, page.CanonicalUrl), "the page's canonical URL is kept");
                AssertArticleText(article.Body, page.Paragraphs, page.Chrome);
            }
            else
            {
                AssertArticleText(article.Body, item.Paragraphs ?? [], []);
            }

            if (item.Published is { } published)
            {
                // A page that states its own publication time may be more exact than the feed's date (an Atom <updated>).
                var stated = item.Page is { } linked ? SourceFixtures.Page(linked).PublishedAt : null;
                article.PublishedAt.Should().BeOneOf(published, stated ?? published);
            }
        }
    }

    public static TheoryData<string> PageNames => [.. SourceFixtures.Pages.Select(p => p.Name)];

    /// <summary>Each fixture page behind a teaser: its article keeps every paragraph, in order, and none of the chrome
    /// (menus, breadcrumbs, banners, related links, comments, share widgets), with its headline, address, picture and date.</summary>
    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task A_teaser_page_gives_its_whole_article_and_none_of_its_chrome(string name)
    {
        var page = SourceFixtures.Page(name);
        site.Serve("/feed", SourceFixtures.Rss(("1", page.CanonicalUrl, "", "Анонс.")).Replace("<title></title>", "", StringComparison.Ordinal), "application/rss+xml");

        var result = await PollAsync("/feed");

        result.Added.Should().Be(1, string.Join("; ", result.Problems));
        var article = await SingleArticleAsync();
        AssertArticleText(article.Body, page.Paragraphs, page.Chrome);
        article.Title.Should().Be(page.Title, "an item without a title takes the page's headline");
        article.Url.Should().Be(page.On(site, page.CanonicalUrl));
        article.ImageUrl.Should().Be(page.ImageUrl is null ? null : page.On(site, page.ImageUrl));
        article.Language.ToCode().Should().Be(page.Language);
    }

    [Fact]
    public async Task A_teaser_page_in_Windows_1251_declared_only_in_the_HTTP_header_is_read()
    {
        var page = SourceFixtures.Pages.Single(p => p.ServedAs == "windows-1251");
        site.Serve("/feed", SourceFixtures.Rss(("1", page.CanonicalUrl, page.Title, "Короткий анонс.")), "application/rss+xml");

        var result = await PollAsync("/feed");

        result.Added.Should().Be(1, string.Join("; ", result.Problems));
        var article = await SingleArticleAsync();
        AssertArticleText(article.Body, page.Paragraphs, page.Chrome);
        article.Language.Should().Be(Core.Articles.Language.Ru);
    }

    [Fact]
    public async Task The_pages_image_or_the_feeds_enclosure_becomes_the_articles_image()
    {
        var withImage = SourceFixtures.Pages.First(p => p.ImageUrl is not null);
        var withoutImage = SourceFixtures.Pages.First(p => p.ImageUrl is null);
        site.Serve(
            "/feed",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Лента</title><link>{{base}}/</link><description>d</description>
            <item><guid>a</guid><title>Первая</title><link>__A__</link><description>Анонс.</description></item>
            <item><guid>b</guid><title>Вторая</title><link>__B__</link><description>Анонс.</description>
              <enclosure url="{{base}}/img/enclosure.jpg" type="image/jpeg" length="1000"/></item>
            </channel></rss>
            """.Replace("__A__", withImage.CanonicalUrl).Replace("__B__", withoutImage.CanonicalUrl),
            "application/rss+xml");

        var result = await PollAsync("/feed");

        result.Added.Should().Be(2, string.Join("; ", result.Problems));
        await using var db = host.Db();
        (await db.Articles.SingleAsync(a => a.Title == "Первая")).ImageUrl.Should().Be(withImage.On(site, withImage.ImageUrl));
        (await db.Articles.SingleAsync(a => a.Title == "Вторая")).ImageUrl.Should().Be(site.Url("/img/enclosure.jpg"));
    }

    [Fact]
    public async Task A_digest_led_by_a_polled_article_shows_its_picture_as_the_preview()
    {
        var page = SourceFixtures.Pages.First(p => p.Language == "ru" && p.ImageUrl is not null);
        site.Serve("/feed", SourceFixtures.Rss(("1", page.CanonicalUrl, page.Title, "Анонс.")), "application/rss+xml");
        await PollAsync("/feed");
        var digests = host.Get<DigestBot.Features.Digests.DigestService>();
        var now = DateTimeOffset.UtcNow;

        var messages = await digests.BuildAsync(
            digests.PreferencesFor(null, Core.Articles.Language.Ru, allLanguages: false),
            DigestBot.Features.Digests.DigestService.WindowFor("Asia/Almaty", null, now),
            CancellationToken.None);

        messages.Should().NotBeNull();
        messages![0].Html.Should().Contain(page.Title);
        messages[0].PreviewUrl.Should().Be(page.On(site, page.ImageUrl));
    }

    [Fact]
    public async Task A_second_poll_sends_the_validators_and_a_304_stores_nothing()
    {
        site.ServeFixture("/feed", "feeds/rss2.xml", etag: "\"v1\"");
        await PollAsync("/feed");
        var pagesFetched = site.Requests.Count;

        var second = await PollAsync("/feed");

        second.NotModified.Should().BeTrue();
        second.Error.Should().BeNull();
        site.Requests.Last().IfNoneMatch.Should().Be("\"v1\"");
        site.Requests.Last().Status.Should().Be(304);
        site.Requests.Count.Should().Be(pagesFetched + 1, "a 304 fetches no page");
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(SourceFixtures.FeedItems["rss2.xml"].Count);
    }

    [Fact]
    public async Task A_feed_repeated_without_validators_fetches_no_page_again()
    {
        site.ServeFixture("/feed", "feeds/atom.xml");
        await PollAsync("/feed");
        var before = site.Requests.Count;

        var second = await PollAsync("/feed");

        second.Added.Should().Be(0);
        second.Unchanged.Should().Be(SourceFixtures.FeedItems["atom.xml"].Count);
        site.Requests.Count.Should().Be(before + 1, "only the feed is fetched again");
    }

    [Fact]
    public async Task An_edited_item_updates_its_article_in_place()
    {
        var page = SourceFixtures.Pages[0];
        var paragraphs = string.Join("", page.Paragraphs.Take(3).Select(p => $"<p>{p}</p>"));
        site.Serve("/feed", SourceFixtures.Rss(("42", page.CanonicalUrl, "Заголовок", paragraphs + "<p>Первая версия заметки, которую потом поправили.</p>")), "application/rss+xml");
        await PollAsync("/feed");
        var first = await SingleArticleAsync();

        site.Serve("/feed", SourceFixtures.Rss(("42", page.CanonicalUrl, "Заголовок (обновлено)", paragraphs + "<p>Вторая версия заметки с уточнёнными цифрами.</p>")), "application/rss+xml");
        var second = await PollAsync("/feed");

        second.Updated.Should().Be(1);
        var edited = await SingleArticleAsync();
        edited.Id.Should().Be(first.Id);
        edited.Title.Should().Be("Заголовок (обновлено)");
        edited.Body.Should().Contain("Вторая версия").And.NotContain("Первая версия");
    }

    [Fact]
    public async Task One_story_from_two_feeds_and_the_seeds_is_one_article()
    {
        var page = SourceFixtures.Pages[0];
        site.Serve("/a", SourceFixtures.Rss(("a-1", page.CanonicalUrl, page.Title, "Анонс.")), "application/rss+xml");
        site.Serve("/b", SourceFixtures.Rss(("b-77", page.CanonicalUrl, page.Title, "Другой анонс.")), "application/rss+xml");
        var seed = host.Folder.Write("seeds/copy.md", $"---\ntitle: {page.Title}\n---\n\n" + string.Join("\n\n", page.Paragraphs));
        await host.Get<DigestBot.Importing.ArticleImporter>().ImportAsync([seed], CancellationToken.None);

        var a = await PollAsync("/a");
        var b = await PollAsync("/b");

        (a.Added + b.Added).Should().Be(0, "the page says what the seed file said");
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(1);
        (await db.ArticleOrigins.CountAsync()).Should().Be(3, "the seed file and both feed items point at it");
    }

    [Theory]
    [InlineData("404", "HTTP 404")]
    [InlineData("500", "HTTP 500")]
    [InlineData("slow", "timed out")]
    [InlineData("oversized", "too large")]
    [InlineData("endless", "too large")]
    [InlineData("redirect-loop", "too many redirects")]
    [InlineData("truncated-nothing", "unreadable XML")]
    [InlineData("entity-bomb", "DTD")]
    [InlineData("external-entity", "DTD")]
    [InlineData("html", "not an RSS, Atom or JSON feed")]
    public async Task A_feed_that_cannot_be_read_fails_with_one_line_and_stores_nothing(string fault, string reason)
    {
        switch (fault)
        {
            case "404":
                break;
            case "500":
                site.Route("/feed", context =>
                {
                    context.Response.StatusCode = 500;
                    return Task.CompletedTask;
                });
                break;
            case "slow":
                site.Route("/feed", async context =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                });
                break;
            case "oversized":
                site.Serve("/feed", new string('x', 300_000), "application/rss+xml");
                break;
            case "endless":
                // No Content-Length, and far more than the cap: the client stops reading at the cap.
                site.Route("/feed", async context =>
                {
                    context.Response.ContentType = "application/rss+xml";
                    var chunk = new byte[64 * 1024];
                    for (var i = 0; i < 1000 && !context.RequestAborted.IsCancellationRequested; i++)
                    {
                        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    }
                });
                break;
            case "redirect-loop":
                site.Redirect("/feed", "/feed2");
                site.Redirect("/feed2", "/feed");
                break;
            case "truncated-nothing":
                site.Serve("/feed", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Лента</title><item><title>Обрыв", "application/rss+xml");
                break;
            case "html":
                site.Serve("/feed", "<!DOCTYPE html><html><body><p>Это не лента</p></body></html>", "text/html");
                break;
            default:
                site.ServeFixture("/feed", $"feeds/{fault}.xml");
                break;
        }

        var started = DateTimeOffset.UtcNow;
        var result = await PollAsync("/feed");

        result.Error.Should().Contain(reason);
        result.Error.Should().NotContain("\n").And.NotContain("   at ");
        (DateTimeOffset.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(8), "every fault is bounded in time");
        await using var db = host.Db();
        (await db.Articles.CountAsync()).Should().Be(0);
        var source = await db.Sources.SingleAsync();
        source.ConsecutiveFailures.Should().Be(1);
        source.LastError.Should().Be(result.Error);
        source.NextPollAt.Should().BeAfter(DateTimeOffset.UtcNow);
        if (fault == "external-entity")
        {
            File.ReadAllText(SourceFixtures.PathOf("feeds/external-entity.xml")).Should().Contain("/etc/passwd");
        }
    }

    [Fact]
    public async Task A_truncated_feed_keeps_the_items_before_the_break()
    {
        site.ServeFixture("/feed", "feeds/truncated.xml");

        var result = await PollAsync("/feed");

        result.Error.Should().BeNull();
        result.Added.Should().Be(2, string.Join("; ", result.Problems));
        result.Problems.Should().Contain(p => p.Contains("truncated"));
    }

    [Fact]
    public async Task A_500_is_tried_again_before_the_poll_gives_up()
    {
        var calls = 0;
        site.Route("/feed", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(SourceFixtures.Rss(("1", null, "Новость", string.Concat(SourceFixtures.Pages[0].Paragraphs.Select(p => $"<p>{p}</p>")))));
        });

        var result = await PollAsync("/feed");

        result.Error.Should().BeNull();
        result.Added.Should().Be(1, string.Join("; ", result.Problems));
        calls.Should().Be(2);
    }

    [Fact]
    public async Task A_long_Retry_After_is_not_waited_for_but_keeps_the_source_away_that_long()
    {
        site.Route("/feed", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });

        var result = await PollAsync("/feed");

        result.Error.Should().Contain("HTTP 429");
        site.CountRequests("/feed").Should().Be(1, "a wait of two hours is not a retry");
        await using var db = host.Db();
        (await db.Sources.SingleAsync()).NextPollAt.Should().BeOnOrAfter(DateTimeOffset.UtcNow.AddHours(2).AddMinutes(-1));
    }

    [Fact]
    public async Task A_failing_source_waits_twice_as_long_after_each_failure_up_to_the_cap()
    {
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var before = DateTimeOffset.UtcNow;
            await PollAsync("/missing");
            await using var db = host.Db();
            waits.Add((await db.Sources.SingleAsync()).NextPollAt!.Value - before);
        }

        // 15 minutes, then 30, 60, 120, 240, then the cap of 6 hours; each within its jitter of a tenth.
        var expected = new[] { 15, 30, 60, 120, 240, 360, 360 };
        for (var i = 0; i < expected.Length; i++)
        {
            waits[i].TotalMinutes.Should().BeInRange(expected[i] * 0.89, expected[i] * 1.11, $"failure {i + 1}");
        }
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_naming_the_setting()
    {
        await using var guarded = await StartHostAsync(allowPrivate: false);
        site.Redirect("/feed", site.Url("/rss").Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        site.ServeFixture("/rss", "feeds/rss2.xml");
        var (source, _) = await guarded.Get<SourceStore>().AddAsync(new SourceSpec(site.Url("/feed").Replace("127.0.0.1", "localhost", StringComparison.Ordinal)), CancellationToken.None);

        // localhost is let through by name (Sources:PrivateHosts); the 127.0.0.1 a redirect names is not.
        site.Redirect("/feed", site.Url("/rss"));
        var result = await guarded.Get<SourcePoller>().PollAsync(source, CancellationToken.None);

        result.Error.Should().StartWith("refused: 127.0.0.1 is a private or local address")
            .And.Contain("Sources:AllowPrivateAddresses=true (env Sources__AllowPrivateAddresses)");
        site.CountRequests("/feed").Should().Be(1);
        site.CountRequests("/rss").Should().Be(0, "the connection to a private address is never made");
    }

    [Fact]
    public async Task A_private_address_is_refused_before_anything_is_sent()
    {
        await using var guarded = await StartHostAsync(allowPrivate: false, privateHosts: []);
        site.ServeFixture("/feed", "feeds/rss2.xml");
        var (source, _) = await guarded.Get<SourceStore>().AddAsync(new SourceSpec(site.Url("/feed")), CancellationToken.None);

        var result = await guarded.Get<SourcePoller>().PollAsync(source, CancellationToken.None);

        result.Error.Should().Contain("private or local address");
        site.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Requests_name_the_bot_ask_for_compression_and_come_back_compressed()
    {
        site.ServeFixture("/feed", "feeds/rss2.xml");

        var result = await PollAsync("/feed");

        result.Error.Should().BeNull();
        site.Requests.Should().OnlyContain(r => r.UserAgent.StartsWith("DigestBot/") && r.UserAgent.Contains("+https://digestbot.example/about"));
        site.Requests.Should().OnlyContain(r => r.AcceptEncoding.Contains("gzip") && r.AcceptEncoding.Contains("br"));
        site.Requests.Should().Contain(r => r.ContentEncoding == "br", "the site compressed what it sent, and it was still read");
    }

    [Fact]
    public async Task Pages_of_one_host_are_fetched_one_at_a_time()
    {
        var inFlight = 0;
        var most = 0;
        var items = Enumerable.Range(1, 6).Select(i => ($"{i}", (string?)$"{{{{base}}}}/slow/{i}", $"Новость {i}", "Анонс.")).ToArray();
        site.Serve("/feed", SourceFixtures.Rss(items), "application/rss+xml");
        var html = File.ReadAllText(SourceFixtures.PathOf($"pages/{SourceFixtures.Pages[0].Name}.html"));
        for (var i = 1; i <= 6; i++)
        {
            site.Route($"/slow/{i}", async context =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                await Task.Delay(100);
                Interlocked.Decrement(ref inFlight);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(html.Replace("{{base}}", site.Base, StringComparison.Ordinal));
            });
        }

        var result = await PollAsync("/feed");

        result.Error.Should().BeNull();
        site.Requests.Count(r => r.Path.StartsWith("/slow/")).Should().Be(6);
        most.Should().Be(1);
    }

    [Fact]
    public async Task An_item_whose_page_holds_no_article_is_not_fetched_again_while_the_feed_repeats_it()
    {
        site.Serve("/feed", SourceFixtures.Rss(("v1", "{{base}}/video/1", "Видео дня", "")), "application/rss+xml");
        site.Serve("/video/1", "<html><body><nav><a href='/'>Главная</a></nav><video src='/v.mp4'></video></body></html>", "text/html");

        var first = await PollAsync("/feed");
        var second = await PollAsync("/feed");

        first.Problems.Should().ContainSingle(p => p.Contains("/video/1", StringComparison.Ordinal));
        second.Problems.Should().BeEmpty();
        site.CountRequests("/video/1").Should().Be(1);
    }

    [Fact]
    public async Task A_link_that_is_not_http_is_never_fetched()
    {
        site.Serve("/feed", SourceFixtures.Rss(("1", "file:///etc/passwd", "Опасная ссылка", "Анонс.")), "application/rss+xml");

        var result = await PollAsync("/feed");

        result.Error.Should().BeNull();
        await using var db = host.Db();
        (await db.Articles.AnyAsync(a => a.Body.Contains("root:"))).Should().BeFalse();
    }

    private async Task<SourcePollResult> PollAsync(string path)
    {
        var (source, _) = await host.Get<SourceStore>().AddAsync(new SourceSpec(site.Url(path)), CancellationToken.None);
        return await host.Get<SourcePoller>().PollAsync((await host.Get<SourceStore>().FindAsync(source.Id.ToString(), CancellationToken.None))!, CancellationToken.None);
    }

    private async Task<Article> SingleArticleAsync()
    {
        await using var db = host.Db();
        return await db.Articles.AsNoTracking().SingleAsync();
    }

    private static Task<TestHost> StartHostAsync(bool allowPrivate = true, string[]? privateHosts = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:AllowPrivateAddresses"] = allowPrivate ? "true" : "false",
            ["Sources:Timeout"] = "00:00:03",
            ["Sources:MaxBytes"] = "200000",
            ["Sources:ContactUrl"] = "https://digestbot.example/about",
            ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
        };
        var hosts = privateHosts ?? ["localhost"];
        for (var i = 0; i < hosts.Length; i++)
        {
            settings[$"Sources:PrivateHosts:{i}"] = hosts[i];
        }

        return TestHost.StartAsync(settings);
    }

    /// <summary>Every paragraph is in the body, whole and in order, and no chrome is.</summary>
    internal static void AssertArticleText(string body, IReadOnlyList<string> paragraphs, IReadOnlyList<string> chrome)
    {
        var text = Collapse(body);
        var at = 0;
        foreach (var paragraph in paragraphs.Select(Collapse))
        {
            var found = text.IndexOf(paragraph, at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, $"the paragraph \"{paragraph}\" is kept, in order, in:\n{body}");
            at = found + paragraph.Length;
        }

        foreach (var line in chrome)
        {
            text.Should().NotContain(Collapse(line), "page chrome stays out of the article");
        }
    }

    internal static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = target; value > current; current = target)
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
