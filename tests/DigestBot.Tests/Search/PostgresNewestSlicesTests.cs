using System.Text.Json;
using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.StorageEngines.Postgres;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Search;

/// <summary>On PostgreSQL a search looks for its newest matches in the newest slices of the store first, and a phrase
/// among the newest articles holding its words: the window ranked is the one ranking every match would give.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresNewestSlicesTests(PostgresServer server) : IAsyncLifetime
{
    private const int Window = 100;

    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(
        new Dictionary<string, string?> { ["Search:RankedMatches"] = "100", ["Storage:Provider"] = "Postgres" },
        connectionString: await server.CreateDatabaseAsync("slices_" + Guid.NewGuid().ToString("N")[..8]));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_newest_slice_answers_a_broad_word_and_the_search_reads_on_for_the_others()
    {
        // 150 articles in the first slice, then 150 in slice 20: seven slices lie between, so every step is taken.
        var older = await ImportAsync("older", 0, 150);
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"Articles\"', 'Id'), {20 << PostgresArticleSearch.SliceBits})");
        }

        var newer = await ImportAsync("newer", 150, 150);
        var search = host.Get<IArticleSearch>();

        var broad = await search.SearchAsync("Астана", null, 0, Window, CancellationToken.None);
        var both = await search.SearchAsync("маслихат", null, 0, Window, CancellationToken.None);
        var oldOnly = await search.SearchAsync("Сарыарки", null, 0, Window, CancellationToken.None);

        broad.Should().Match<SearchPage>(p => p.Total == Window && p.Capped);
        broad.Hits.Select(h => h.ArticleId).Should().BeSubsetOf(newer, "the newest slice alone holds more than the window");
        both.Should().Match<SearchPage>(p => p.Total == Window && p.Capped, "60 old and 60 new articles name it");
        both.Hits.Select(h => h.ArticleId).Should().BeEquivalentTo(newer.Where((_, i) => i % 5 < 2).Concat(older.Where((_, i) => i % 5 < 2).TakeLast(40)));
        oldOnly.Should().Match<SearchPage>(p => p.Total == 15 && !p.Capped);
        oldOnly.Hits.Select(h => h.ArticleId).Should().BeSubsetOf(older);
    }

    [Fact]
    public async Task A_phrase_is_looked_for_among_its_newest_candidates_and_the_reader_is_told_there_may_be_more()
    {
        // 1,100 articles hold both words, the first and the last side by side: five times the window are tested, the newest.
        var lines = Enumerable.Range(0, 1100).Select(n => JsonSerializer.Serialize(new
        {
            id = $"p{n}",
            title = $"Новости района номер {n}",
            body = n is 0 or 1099
                ? $"Вчера открыли зелёный парк номер {n}. Жители довольны."
                : $"Вчера открыли зелёный сквер и новый парк номер {n}. Жители довольны.",
            language = "ru",
        }));
        var file = host.Folder.Write("phrase/articles.jsonl", string.Join('\n', lines));
        (await host.Get<ArticleImporter>().ImportAsync([file], CancellationToken.None)).Added.Should().Be(1100);

        var page = await host.Get<IArticleSearch>().SearchAsync("\"зелёный парк\"", null, 0, 5, CancellationToken.None);

        page.Should().Match<SearchPage>(p => p.Total == 1 && p.Capped, "the oldest is beyond the 500 newest candidates");
        (await BroadQueryTests.TitlesAsync(host, page.Hits.Select(h => h.ArticleId))).Should().Equal("Новости района номер 1099");
    }

    // Astana in every Russian article; the maslikhat in two of every five; Saryarka in every tenth of the older ones.
    private async Task<List<long>> ImportAsync(string name, int from, int count)
    {
        var lines = Enumerable.Range(from, count).Select(n => JsonSerializer.Serialize(new
        {
            id = $"a{n}",
            title = $"Новости города номер {n}",
            body = $"В Астане прошла встреча номер {n}."
                + (n % 5 < 2 ? " Маслихат одобрил план." : "")
                + (from == 0 && n % 10 == 3 ? " Гости приехали из Сарыарки." : ""),
            language = "ru",
        }));
        var file = host.Folder.Write($"{name}/articles.jsonl", string.Join('\n', lines));
        (await host.Get<ArticleImporter>().ImportAsync([file], CancellationToken.None)).Added.Should().Be(count);
        await using var db = host.Db();
        return await db.Articles.Where(a => a.Title.StartsWith("Новости города")).OrderBy(a => a.Id).Skip(from).Select(a => a.Id).ToListAsync();
    }
}
