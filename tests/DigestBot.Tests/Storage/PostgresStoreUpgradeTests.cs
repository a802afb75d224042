using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Storage;

/// <summary>A PostgreSQL store made by an earlier release opens with this one: its migration history stays valid, nothing is lost.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreUpgradeTests(PostgresServer server)
{
    [Fact]
    public async Task A_store_of_release_6e73844_keeps_every_article_and_the_same_seeds_add_nothing()
    {
        var name = "upgrade_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = await server.CreateDatabaseAsync(name);
        await server.RestoreAsync(name, Path.Combine(RepositoryPaths.Root, "tests", "data", "stores", "postgres-6e73844.sql"));

        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
            },
            connectionString: connectionString);
        var again = await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var found = await host.Get<IArticleSearch>().SearchAsync("Ассамблея", null, 0, 5, CancellationToken.None);

        await using var db = host.Db();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Contain("20261121000000_Initial").And.Contain("20261201172005_Sources");
        var articles = await db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.ContentHash }).ToListAsync();
        articles.Should().HaveCount(5);
        articles.Select(a => a.Id).Should().Equal(1, 2, 3, 4, 5);
        again.Added.Should().Be(0);
        again.Updated.Should().Be(0);
        again.Unchanged.Should().Be(5);
        found.Total.Should().BeGreaterThan(0, "the search documents still answer");
    }
}
