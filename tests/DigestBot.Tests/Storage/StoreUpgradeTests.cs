using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Storage;

/// <summary>A store made by an earlier release opens with this one: its migration history stays valid, nothing is lost.</summary>
[Trait("Category", "Slow")]
public sealed class StoreUpgradeTests
{
    [Fact]
    public async Task A_SQLite_store_of_release_6e73844_keeps_every_article_and_the_same_seeds_add_nothing()
    {
        using var folder = new TempFolder();
        var file = folder.File("digestbot.db");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "data", "stores", "sqlite-6e73844.db"), file);
        var before = await ReadArticlesAsync(file);

        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json") },
            connectionString: file);
        var again = await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var found = await host.Get<IArticleSearch>().SearchAsync("Ассамблея", null, 0, 5, CancellationToken.None);

        before.Should().HaveCount(5);
        (await ReadArticlesAsync(file)).Should().Equal(before, "every article keeps its id, title and text");
        await using var db = host.Db();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Contain("20261121000000_Initial").And.Contain("20261201171958_Sources");
        again.Added.Should().Be(0);
        again.Updated.Should().Be(0);
        again.Unchanged.Should().Be(5);
        found.Total.Should().BeGreaterThan(0, "the search index still answers");
    }

    private static async Task<List<string>> ReadArticlesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Title, ContentHash, Body FROM Articles ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetInt64(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetString(3).Length}");
        }

        return rows;
    }
}
