using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Core.Rendering;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Search;

/// <summary>The same corpus on SQLite and on PostgreSQL answers alike: the same matches, the same top results, and
/// hostile input raises nothing on either.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class CrossProviderSearchTests(PostgresServer server, SearchCorpus sqlite) : IClassFixture<SearchCorpus>, IAsyncLifetime
{
    private const int Depth = 5;

    private SearchCorpus? postgres;

    private SearchCorpus Postgres => postgres ?? throw new InvalidOperationException("the PostgreSQL corpus has not started");

    public async Task InitializeAsync() => postgres = await SearchCorpus.StartAsync(
        new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" },
        await server.CreateDatabaseAsync("search_" + Guid.NewGuid().ToString("N")[..8]));

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_relevance_query_finds_the_same_articles_and_the_same_top_5()
    {
        var queries = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "data", "search", "relevance.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("query").GetString()!)
            .ToList();

        foreach (var query in queries)
        {
            var onSqlite = await sqlite.Search.SearchAsync(query, null, 0, Depth, CancellationToken.None);
            var onPostgres = await Postgres.Search.SearchAsync(query, null, 0, Depth, CancellationToken.None);

            onPostgres.Total.Should().Be(onSqlite.Total, $"«{query}» matches the same articles");

            // Sets, not order: bm25 and ts_rank_cd weigh term frequency and length differently, so close scores may swap.
            onPostgres.Hits.Select(h => Postgres.NameOf(h.ArticleId)).Should().BeEquivalentTo(
                onSqlite.Hits.Select(h => sqlite.NameOf(h.ArticleId)),
                $"«{query}» has the same top {Depth}");
        }

        queries.Should().HaveCountGreaterThan(70);
    }

    [Fact]
    public async Task Broad_queries_share_most_of_their_top_5()
    {
        string[] queries =
        [
            "Казахстан", "Астана", "Президент", "жыл", "мемлекет", "развитие", "страны", "Қазақстан", "халық", "год",
            "область", "министр", "білім", "Алматы", "жобасы",
        ];
        var shared = 0;
        var compared = 0;
        foreach (var query in queries)
        {
            var onSqlite = (await sqlite.Search.SearchAsync(query, null, 0, Depth, CancellationToken.None)).Hits.Select(h => sqlite.NameOf(h.ArticleId));
            var onPostgres = (await Postgres.Search.SearchAsync(query, null, 0, Depth, CancellationToken.None)).Hits.Select(h => Postgres.NameOf(h.ArticleId)).ToList();
            shared += onSqlite.Intersect(onPostgres).Count();
            compared += onPostgres.Count;
        }

        // These match up to 32 articles each, where bm25's term rarity and ts_rank_cd's cover density part ways;
        // 0.83 when written.
        compared.Should().BeGreaterThan(50);
        ((double)shared / compared).Should().BeGreaterThanOrEqualTo(0.75);
    }

    [Fact]
    public async Task Pages_follow_one_another_and_a_page_past_the_end_still_counts()
    {
        var all = await Postgres.Search.SearchAsync("Казахстан", null, 0, 100, CancellationToken.None);
        var pages = new List<long>();
        for (var skip = 0; skip < all.Total; skip += 3)
        {
            var page = await Postgres.Search.SearchAsync("Казахстан", null, skip, 3, CancellationToken.None);
            page.Total.Should().Be(all.Total);
            pages.AddRange(page.Hits.Select(h => h.ArticleId));
        }

        var past = await Postgres.Search.SearchAsync("Казахстан", null, all.Total, 3, CancellationToken.None);

        all.Total.Should().BeGreaterThan(3);
        pages.Should().Equal(all.Hits.Select(h => h.ArticleId));
        past.Hits.Should().BeEmpty();
        past.Total.Should().Be(all.Total);
    }

    [Fact]
    public async Task Hostile_queries_raise_nothing_and_match_what_they_match_on_SQLite()
    {
        var random = new Random(20261121);
        var answered = 0;
        foreach (var query in HostileQueryTests.Generate(random))
        {
            Language? language = random.Next(4) == 0 ? Language.Kk : null;
            var page = await Postgres.Search.SearchAsync(query, language, 0, Depth, CancellationToken.None);

            page.Total.Should().Be((await sqlite.Search.SearchAsync(query, language, 0, Depth, CancellationToken.None)).Total, $"«{query}» matches the same articles");
            foreach (var hit in page.Hits)
            {
                TelegramHtmlValidator.Validate(hit.SnippetHtml).IsValid.Should().BeTrue($"the snippet for «{query}» was {hit.SnippetHtml}");
            }

            answered++;
        }

        answered.Should().BeGreaterThan(HostileQueryTests.GeneratedQueries);
    }
}
