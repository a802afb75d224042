using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.StorageEngines.Postgres;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Search;

/// <summary>The PostgreSQL search documents follow the articles as the SQLite index does (see <see cref="SearchIndexTests"/>).</summary>
[Trait("Category", "Slow")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchIndexTests(PostgresServer server)
{
    [Fact]
    public async Task An_edited_article_is_found_by_its_new_words_and_a_removed_one_is_gone()
    {
        await using var host = await StartAsync();
        var importer = host.Get<ArticleImporter>();
        var first = host.Folder.Write("in/a.md", SearchIndexTests.Story);
        await importer.ImportAsync([first], CancellationToken.None);
        (await TotalAsync(host, "кітапхана")).Should().Be(1);

        host.Folder.Write("in/a.md", SearchIndexTests.Museum);
        await importer.ImportAsync([first], CancellationToken.None);
        (await TotalAsync(host, "кітапхана")).Should().Be(0);
        (await TotalAsync(host, "мұражай")).Should().Be(1);

        var second = host.Folder.Write("in/b.md", SearchIndexTests.Story);
        await importer.ImportAsync([second], CancellationToken.None);
        host.Folder.Write("in/b.md", SearchIndexTests.Museum);
        await importer.ImportAsync([second], CancellationToken.None);

        (await TotalAsync(host, "кітапхана")).Should().Be(0);
        (await TotalAsync(host, "мұражай")).Should().Be(1);
        (await IndexedAsync(host)).Should().Be(1, "the article b.md no longer holds went with its document");
    }

    [Fact]
    public async Task Start_up_fills_missing_documents_and_rebuilds_those_of_another_analyzer()
    {
        await using var host = await StartAsync();
        await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var before = await TotalAsync(host, "Ассамблея");
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM article_search WHERE article_id IN (SELECT "Id" FROM "Articles" ORDER BY "Id" LIMIT 2)""");
        }

        (await TotalAsync(host, "Ассамблея")).Should().BeLessThan(before);
        await host.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        (await TotalAsync(host, "Ассамблея")).Should().Be(before);

        await using (var db = host.Db())
        {
            await db.BotState.Where(s => s.Key == PostgresArticleIndexer.VersionKey).ExecuteUpdateAsync(s => s.SetProperty(b => b.Value, "0"));
            await db.Database.ExecuteSqlRawAsync("UPDATE article_search SET document = 'stale'::tsvector");
        }

        (await TotalAsync(host, "Ассамблея")).Should().Be(0);
        await host.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        (await TotalAsync(host, "Ассамблея")).Should().Be(before);
        (await IndexedAsync(host)).Should().Be(5);
    }

    [Fact]
    public async Task Check_finds_missing_and_stale_documents_and_a_rebuild_makes_the_index_consistent()
    {
        await using var host = await StartAsync();
        await host.Get<ArticleImporter>().ImportAsync([RepositoryPaths.Seeds], CancellationToken.None);
        var check = host.Get<ISearchIndexCheck>();
        await using var db = host.Db();
        (await new PostgresStorage().CheckIntegrityAsync(db, CancellationToken.None)).Should().BeEmpty();
        (await check.CheckAsync(db, 100, CancellationToken.None)).Should().BeEquivalentTo(new SearchIndexReport(5, 5, 5, []));

        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync();
        await db.Database.ExecuteSqlAsync($"DELETE FROM article_search WHERE article_id = {ids[0]}");
        await db.Database.ExecuteSqlAsync($"UPDATE article_search SET document = 'stale'::tsvector WHERE article_id = {ids[1]}");
        var broken = await check.CheckAsync(db, 100, CancellationToken.None);
        await check.RebuildAsync(db, CancellationToken.None);
        var repaired = await check.CheckAsync(db, 100, CancellationToken.None);

        broken.Findings.Should().Equal(
            $"search index: 1 article(s) without an index row: {ids[0]}",
            $"search index: 1 of 4 sampled row(s) differ from their article: {ids[1]}");
        repaired.Should().BeEquivalentTo(new SearchIndexReport(5, 5, 5, []));
    }

    [Fact]
    public async Task Documents_are_compressed_with_LZ4_and_their_words_join_the_vocabulary()
    {
        await using var host = await StartAsync();

        // Some 250 words of different stems and a paragraph said twice: a document of about 4 kB, which PostgreSQL compresses.
        var words = Enumerable.Range(0, 250).Select(n => $"сөз{(char)('а' + n % 30)}{(char)('а' + n / 30)}ды").ToList();
        var file = host.Folder.Write("in/long.md", $"# Ұзын мақала\n\n{string.Join(' ', words)}.\n\n{string.Join(' ', words)}.\n");
        (await host.Get<ArticleImporter>().ImportAsync([file], CancellationToken.None)).Added.Should().Be(1);

        await using var db = host.Db();
        var stored = await db.Database
            .SqlQueryRaw<string>("""SELECT coalesce(pg_column_compression(document), 'none') || ' ' || pg_column_size(document) AS "Value" FROM article_search""")
            .SingleAsync();
        var held = await db.Database
            .SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM search_terms WHERE term IN (SELECT unnest(tsvector_to_array(document)) FROM article_search)""")
            .SingleAsync();
        var lexemes = await db.Database.SqlQueryRaw<int>("""SELECT length(document) AS "Value" FROM article_search""").SingleAsync();

        stored.Split(' ')[0].Should().Be("lz4", $"pglz takes twice as long to decompress ({stored})");
        held.Should().Be(lexemes).And.BeGreaterThan(200);
        (await TotalAsync(host, "сөз*")).Should().Be(1, "a prefix is read as the words the vocabulary holds");
    }

    private async Task<TestHost> StartAsync() => await TestHost.StartAsync(
        new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" },
        connectionString: await server.CreateDatabaseAsync("index_" + Guid.NewGuid().ToString("N")[..8]));

    private static async Task<int> TotalAsync(TestHost host, string query) =>
        (await host.Get<IArticleSearch>().SearchAsync(query, null, 0, 10, CancellationToken.None)).Total;

    private static async Task<int> IndexedAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM article_search""").SingleAsync();
    }
}
