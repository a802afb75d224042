using DigestBot.Core.Articles;
using DigestBot.Sources;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DigestBot.Tests.Sources;

/// <summary><c>seeds/sources.json</c> keeps a deployment's sources in version control; the table follows it at start.</summary>
public sealed class SourceCatalogTests : IAsyncLifetime
{
    private readonly TempFolder catalog = new();
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Sources:CatalogPath"] = catalog.File("sources.json"),
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        catalog.Dispose();
    }

    [Fact]
    public async Task The_file_adds_updates_and_removes_its_own_sources_and_leaves_those_of_the_verb_alone()
    {
        var store = host.Get<SourceStore>();
        await store.AddAsync(new SourceSpec("https://manual.test/rss"), CancellationToken.None);
        catalog.Write("sources.json", """
            [
              // Comments and trailing commas are fine.
              { "url": "https://tengri.test/rss", "name": "Tengri", "interval": "00:20:00", "lang": "ru", "topics": ["economy"] },
              { "url": "https://egemen.test/rss", "lang": "kk" },
              { "url": "ftp://bad.test/rss" },
            ]
            """);

        await SyncAsync();
        var first = await store.ListAsync(CancellationToken.None);
        catalog.Write("sources.json", """[{ "url": "https://tengri.test/rss", "name": "Tengri News", "interval": "00:30:00" }]""");
        await SyncAsync();
        var second = await store.ListAsync(CancellationToken.None);

        first.Select(s => s.Url).Should().Equal("https://manual.test/rss", "https://tengri.test/rss", "https://egemen.test/rss");
        var tengri = first.Single(s => s.Url == "https://tengri.test/rss");
        tengri.Name.Should().Be("Tengri");
        tengri.Interval.Should().Be(TimeSpan.FromMinutes(20));
        tengri.Language.Should().Be(Language.Ru);
        tengri.TopicList.Should().Equal("economy");
        first.Single(s => s.Url == "https://egemen.test/rss").Language.Should().Be(Language.Kk);

        second.Select(s => s.Url).Should().Equal("https://manual.test/rss", "https://tengri.test/rss");
        second[1].Id.Should().Be(tengri.Id, "an edited entry keeps its source and what it learned");
        second[1].Name.Should().Be("Tengri News");
        second[1].Interval.Should().Be(TimeSpan.FromMinutes(30));
        second[1].Language.Should().BeNull();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""[{ "url": "https://a.test/rss", "interval": "often" }]""")]
    [InlineData("""[{ "url": "https://a.test/rss", "lang": "de" }]""")]
    public async Task A_broken_file_changes_nothing(string text)
    {
        catalog.Write("sources.json", """[{ "url": "https://tengri.test/rss" }]""");
        await SyncAsync();
        catalog.Write("sources.json", text);

        await SyncAsync();

        (await host.Get<SourceStore>().ListAsync(CancellationToken.None)).Select(s => s.Url).Should().Equal("https://tengri.test/rss");
    }

    [Fact]
    public async Task No_file_is_no_sources()
    {
        await SyncAsync();

        await using var db = host.Db();
        (await db.Sources.CountAsync()).Should().Be(0);
    }

    private Task SyncAsync() => host.Get<SourceStore>().SyncCatalogAsync(CancellationToken.None);
}
