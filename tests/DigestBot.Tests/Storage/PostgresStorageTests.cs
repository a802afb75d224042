using DigestBot.Importing;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Storage;

/// <summary>The PostgreSQL flavour on a real server: its hand-written migrations apply and the importer behaves the same.</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server)
{
    [Fact]
    public async Task Migrations_apply_and_the_seeds_import_idempotently()
    {
        var connectionString = await server.CreateDatabaseAsync("storage_" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json") },
            connectionString: connectionString);
        var importer = host.Get<ArticleImporter>();

        var first = await importer.ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var second = await importer.ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);

        first.Added.Should().Be(5);
        second.Unchanged.Should().Be(5);
        await using var db = host.Db();
        db.Database.ProviderName.Should().Contain("Npgsql");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        var articles = await db.Articles.Include(a => a.Topics).OrderBy(a => a.Id).ToListAsync();
        articles.Should().HaveCount(5);
        articles.Should().OnlyContain(a => a.Summary != null && a.Summary.Length > 0);
        articles.Single(a => a.Source == "dknews.kz").Topics.Select(t => t.TopicId).Should().Contain("international");
        articles.Single(a => a.Source == "zakon.kz").PublishedAt.Should().Be(new DateTimeOffset(2025, 12, 25, 11, 46, 0, TimeSpan.Zero));
    }
}
