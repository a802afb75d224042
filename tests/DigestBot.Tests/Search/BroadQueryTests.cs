using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Search;

/// <summary>A query matching more articles than <c>Search:RankedMatches</c> is ranked among its newest matches, alike on
/// SQLite and PostgreSQL, and the reader is told there are more.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class BroadQueryTests(PostgresServer server) : IAsyncLifetime
{
    private const int Window = 100;
    private const int Older = 60;
    private const int Newer = 90;

    private static readonly Dictionary<string, string?> Settings = new() { ["Search:RankedMatches"] = Window.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private readonly List<TestHost> hosts = [];

    public async Task InitializeAsync()
    {
        hosts.Add(await StartAsync(await TestHost.StartAsync(Settings)));
        hosts.Add(await StartAsync(await TestHost.StartAsync(
            new Dictionary<string, string?>(Settings) { ["Storage:Provider"] = "Postgres" },
            connectionString: await server.CreateDatabaseAsync("broad_" + Guid.NewGuid().ToString("N")[..8]))));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_broad_query_ranks_only_its_newest_matches_and_says_there_are_more()
    {
        foreach (var host in hosts)
        {
            var newest = await NewestMatchingIdsAsync(host);
            var page = await host.Get<IArticleSearch>().SearchAsync("Астана", null, 0, 5, CancellationToken.None);

            page.Capped.Should().BeTrue("120 articles match and 100 are ranked");
            page.Total.Should().Be(Window);
            page.Hits.Should().HaveCount(5);
            page.Hits.Select(h => h.ArticleId).Should().BeSubsetOf(newest);

            // The oldest batch holds the article that names Astana most, the newest one the runner-up: only the latter ranks.
            var titles = await TitlesAsync(host, page.Hits.Select(h => h.ArticleId));
            titles[0].Should().Be("Астана, Астана: столица в цифрах");
            titles.Should().NotContain("Астана, Астана, Астана: главный город Сарыарки");
            (await host.Get<IArticleSearch>().SearchAsync("Астана Сарыарки", null, 0, 5, CancellationToken.None)).Total.Should().Be(1, "the oldest article is in the index, only not in the window");
        }
    }

    [Fact]
    public async Task Pages_end_at_the_window_and_a_narrow_query_is_ranked_whole()
    {
        foreach (var host in hosts)
        {
            var search = host.Get<IArticleSearch>();
            var last = await search.SearchAsync("Астана", null, Window - 3, 5, CancellationToken.None);
            var past = await search.SearchAsync("Астана", null, Window, 5, CancellationToken.None);
            var narrow = await search.SearchAsync("Астана маслихат", null, 0, 5, CancellationToken.None);
            var russian = await search.SearchAsync("Астана", Language.Ru, 0, 5, CancellationToken.None);
            var kazakh = await search.SearchAsync("Алматы", Language.Kk, 0, 5, CancellationToken.None);

            last.Hits.Should().HaveCount(3);
            past.Hits.Should().BeEmpty();
            past.Should().Match<SearchPage>(p => p.Total == Window && p.Capped);
            narrow.Should().Match<SearchPage>(p => p.Total == 15 && !p.Capped, "every tenth article names the maslikhat");
            russian.Should().Match<SearchPage>(p => p.Total == Window && p.Capped);
            kazakh.Should().Match<SearchPage>(p => p.Total == 30 && !p.Capped);
        }
    }

    [Fact]
    public async Task Both_providers_rank_the_same_window()
    {
        var onSqlite = await hosts[0].Get<IArticleSearch>().SearchAsync("Астана", null, 0, Window, CancellationToken.None);
        var onPostgres = await hosts[1].Get<IArticleSearch>().SearchAsync("Астана", null, 0, Window, CancellationToken.None);

        (await TitlesAsync(hosts[1], onPostgres.Hits.Select(h => h.ArticleId))).Should().BeEquivalentTo(
            await TitlesAsync(hosts[0], onSqlite.Hits.Select(h => h.ArticleId)));
    }

    [Fact]
    public async Task A_query_matching_many_times_the_window_walks_newest_first_on_PostgreSQL_and_ranks_the_same_window()
    {
        // Twenty times the window matching: PostgreSQL stops counting and walks the articles newest first.
        foreach (var host in hosts)
        {
            var lines = Enumerable.Range(1000, 20 * Window).Select(n => JsonSerializer.Serialize(new
            {
                id = $"b{n}",
                title = $"Вести номер {n}",
                body = $"Сегодня в Астане открыли объект номер {n}. Горожане пришли на церемонию {n % 7 + 2} раз подряд.",
                language = "ru",
            }));
            var file = host.Folder.Write("many/articles.jsonl", string.Join('\n', lines));
            (await host.Get<ArticleImporter>().ImportAsync([file], CancellationToken.None)).Added.Should().Be(20 * Window);
        }

        var onSqlite = await hosts[0].Get<IArticleSearch>().SearchAsync("Астана", null, 0, Window, CancellationToken.None);
        var onPostgres = await hosts[1].Get<IArticleSearch>().SearchAsync("Астана", null, 0, Window, CancellationToken.None);

        onPostgres.Should().Match<SearchPage>(p => p.Total == Window && p.Capped && p.Hits.Count == Window);
        (await TitlesAsync(hosts[1], onPostgres.Hits.Select(h => h.ArticleId))).Should().BeEquivalentTo(
            await TitlesAsync(hosts[0], onSqlite.Hits.Select(h => h.ArticleId)));
        (await TitlesAsync(hosts[1], onPostgres.Hits.Select(h => h.ArticleId))).Should().OnlyContain(t => t.StartsWith("Вести номер ", StringComparison.Ordinal), "the newest articles are the last imported");
    }

    [Theory]
    [InlineData("ru", "100+ статей найдено", "Широкий запрос")]
    [InlineData("kk", "100+ мақала табылды", "Сұрау тым кең")]
    [InlineData("en", "100+ articles found", "A broad query")]
    public async Task The_reader_is_told_the_query_is_broad(string language, string count, string note)
    {
        var user = new UserUpdates(new Chat { Id = 42, Type = ChatType.Private }, "Aigerim");

        var replies = await hosts[0].DispatchAsync(user.Message("/search Астана", language));

        var reply = replies.Sent.Should().ContainSingle().Subject.Message;
        reply.Html.Should().Contain(count).And.Contain(note);
        TelegramHtmlValidator.Validate(reply.Html).IsValid.Should().BeTrue(reply.Html);
        reply.Buttons.Should().NotBeNull("the window has more pages");
    }

    private static async Task<TestHost> StartAsync(TestHost host)
    {
        // Two imports, so that every article of the second has a newer id than those of the first.
        foreach (var (name, from, count) in new[] { ("older", 0, Older), ("newer", Older, Newer) })
        {
            var lines = Enumerable.Range(from, count).Select(Article);
            var file = host.Folder.Write($"{name}/articles.jsonl", string.Join('\n', lines));
            (await host.Get<ArticleImporter>().ImportAsync([file], CancellationToken.None)).Added.Should().Be(count);
        }

        return host;
    }

    private static string Article(int n)
    {
        var kazakh = n % 5 == 4;
        var title = n switch
        {
            0 => "Астана, Астана, Астана: главный город Сарыарки",
            Older + Newer - 2 => "Астана, Астана: столица в цифрах",
            _ when kazakh => $"Қала жаңалықтары, {n}-шығарылым",
            _ => $"Новости города номер {n}",
        };
        var body = kazakh
            ? $"Алматы қаласында {n}-кездесу өтті. Тұрғындар жаңа саябақ пен мектеп туралы пікір айтты. Әкімдік келесі жылы {n + 3} жоба бастайды."
            : $"В Астане прошла встреча номер {n}. Жители обсудили новые парки и школы. Акимат обещал начать {n + 3} проектов в следующем году.";
        if (n % 10 == 3)
        {
            body += kazakh ? " Мәслихат жобаны мақұлдады." : " Маслихат одобрил план.";
        }

        return JsonSerializer.Serialize(new { id = $"a{n}", title, body, language = kazakh ? "kk" : "ru" });
    }

    private static async Task<HashSet<long>> NewestMatchingIdsAsync(TestHost host)
    {
        await using var db = host.Db();
        return [.. await db.Articles.Where(a => a.Language == Language.Ru).OrderByDescending(a => a.Id).Take(Window).Select(a => a.Id).ToListAsync()];
    }

    /// <summary>The titles of the articles with these ids, in their order.</summary>
    internal static async Task<List<string>> TitlesAsync(TestHost host, IEnumerable<long> ids)
    {
        var order = ids.ToList();
        await using var db = host.Db();
        var titles = await db.Articles.Where(a => order.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title);
        return [.. order.Select(id => titles[id])];
    }
}
