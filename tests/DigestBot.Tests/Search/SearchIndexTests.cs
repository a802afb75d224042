using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.StorageEngines.Sqlite;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Search;

/// <summary>The index follows the articles: edits, removed orphans, and catching up at start.</summary>
public class SearchIndexTests
{
    internal const string Story = """
        ---
        title: Астанада жаңа кітапхана ашылды
        language: kk
        published: 2025-12-25
        ---
        Астанада жаңа қалалық кітапхана ашылды. Оқырмандарға жүз мыңнан астам кітап ұсынылады.
        """;

    internal static readonly string Museum = Story.Replace("кітапхана", "мұражай").Replace("кітап", "жәдігер");

    [Fact]
    public async Task An_edited_article_is_found_by_its_new_words_not_its_old_ones()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        var path = host.Folder.Write("in/story.md", Story);
        await importer.ImportAsync([path], CancellationToken.None);
        (await TotalAsync(host, "кітапхана")).Should().Be(1);

        host.Folder.Write("in/story.md", Museum);
        await importer.ImportAsync([path], CancellationToken.None);

        (await TotalAsync(host, "кітапхана")).Should().Be(0);
        (await TotalAsync(host, "мұражай")).Should().Be(1);
    }

    [Fact]
    public async Task A_removed_orphan_article_is_gone_from_the_index()
    {
        await using var host = await TestHost.StartAsync();
        var importer = host.Get<ArticleImporter>();
        var first = host.Folder.Write("in/a.md", Story);
        var second = host.Folder.Write("in/b.md", Museum);
        await importer.ImportAsync([first, second], CancellationToken.None);

        host.Folder.Write("in/b.md", Story);
        await importer.ImportAsync([second], CancellationToken.None);

        (await TotalAsync(host, "мұражай")).Should().Be(0);
        (await TotalAsync(host, "кітапхана")).Should().Be(1);
        (await IndexedAsync(host)).Should().Be(1);
    }

    [Fact]
    public async Task Start_up_fills_an_index_that_is_missing_articles_or_was_built_by_another_analyzer()
    {
        await using var host = await TestHost.StartAsync();
        await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var before = await TotalAsync(host, "Ассамблея");
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM ArticleSearch WHERE rowid IN (SELECT Id FROM Articles ORDER BY Id LIMIT 2)");
        }

        (await TotalAsync(host, "Ассамблея")).Should().BeLessThan(before);
        await host.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        (await TotalAsync(host, "Ассамблея")).Should().Be(before);

        await using (var db = host.Db())
        {
            await db.BotState.Where(s => s.Key == SqliteArticleIndexer.VersionKey).ExecuteUpdateAsync(s => s.SetProperty(b => b.Value, "0"));
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(rowid, title, body, summary) SELECT Id, 'stale', 'stale', 'stale' FROM Articles WHERE Id NOT IN (SELECT rowid FROM ArticleSearch)");
        }

        await host.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        (await TotalAsync(host, "Ассамблея")).Should().Be(before);
        (await IndexedAsync(host)).Should().Be(5);
    }

    private static async Task<int> TotalAsync(TestHost host, string query) =>
        (await host.Get<IArticleSearch>().SearchAsync(query, null, 0, 10, CancellationToken.None)).Total;

    private static async Task<int> IndexedAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearch").SingleAsync();
    }
}
