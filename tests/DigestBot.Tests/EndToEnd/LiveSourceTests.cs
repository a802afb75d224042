using System.Text.Json;
using DigestBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.EndToEnd;

/// <summary>The running bot polls a news site by itself, and what it found reaches readers through the emulator.</summary>
[Trait("Category", "Slow")]
[Collection(TelegramEmulatorCollection.Name)]
public sealed class LiveSourceTests(TelegramEmulator emulator) : IAsyncLifetime
{
    private readonly ExpectedPage page = SourceFixtures.Pages.First(p => p.Language == "ru" && p.ImageUrl is not null);
    private NewsSite site = null!;
    private RunningBot bot = null!;

    public async Task InitializeAsync()
    {
        site = await NewsSite.StartAsync();
        SourceFixtures.ServePages(site);
        // Published as the bot polls, after it imported the seeds (the date's second rounded up): the newest article,
        // whose picture leads /latest.
        site.Route("/rss", async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(SourceFixtures.Rss(("item-1", page.CanonicalUrl, page.Title, "Короткий анонс."))
                .Replace("{{base}}", site.Base, StringComparison.Ordinal)
                .Replace("Mon, 30 Nov 2026 14:20:00 +0500", DateTimeOffset.UtcNow.AddSeconds(1).ToString("r"), StringComparison.Ordinal));
        });
        var folder = new TempFolder();
        folder.Write("sources.json", JsonSerializer.Serialize(new[] { new { url = site.Url("/rss"), name = "Лента", lang = "ru" } }));
        bot = RunningBot.Start(emulator, settings: new Dictionary<string, string?>
        {
            ["Sources:AllowPrivateAddresses"] = "true",

            // The test asks until the first poll is stored, faster than a person would.
            ["Flood:CommandsPerMinute"] = "0",
        }, folder: folder);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_new_item_of_a_source_reaches_latest_with_its_picture_as_the_preview()
    {
        var user = bot.CreateUser("ru");

        var latest = await AskUntilAsync(user, "/latest 3", reply => reply.Text!.Contains(page.Title, StringComparison.Ordinal));

        latest.Text.Should().StartWith($"<b>Свежие новости</b>\n\n<b><a href=\"{page.On(site, page.CanonicalUrl)}\">", "the new article is the newest");

        latest.Text.Should().Contain(page.On(site, page.CanonicalUrl), "the article links its canonical page");
        var preview = latest.Request.GetProperty("link_preview_options");
        preview.GetProperty("url").GetString().Should().Be(page.On(site, page.ImageUrl));
        site.CountRequests("/rss").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_digest_carries_an_article_that_came_from_a_source()
    {
        var user = bot.CreateUser("ru");
        await AskUntilAsync(user, "/latest 1", reply => reply.Text!.Contains(page.Title, StringComparison.Ordinal));

        var digest = await RunningBot.AskAsync(user, "/digest");

        string.Concat(digest.Select(m => m.Text)).Should().Contain($"<a href=\"{page.On(site, page.CanonicalUrl)}\">{page.Title}</a>");
    }

    /// <summary>The bot polls its sources as it starts; until that poll is stored, /latest shows the seeds.</summary>
    private static async Task<BotMessage> AskUntilAsync(EmulatedUser user, string command, Func<BotMessage, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var reply = (await RunningBot.AskAsync(user, command)).Single();
            if (done(reply) || DateTimeOffset.UtcNow > deadline)
            {
                return reply;
            }

            await Task.Delay(200);
        }
    }
}
