using DigestBot.Importing;
using DigestBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Importing;

public class SeedWatcherTests
{
    [Fact]
    public async Task Files_added_or_edited_while_running_are_imported()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Seeds:ScanInterval"] = "00:00:01",
        });
        var seeds = host.Folder.File("seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(RepositoryPaths.Seeds, "003_df342e71ac7386e8.txt"), Path.Combine(seeds, "first.txt"));
        var options = Options.Create(new SeedsOptions { Path = seeds, ScanInterval = TimeSpan.FromSeconds(1) });
        var sync = new SeedSync(host.Get<ArticleImporter>(), options, host.Get<Microsoft.Extensions.Hosting.IHostEnvironment>(), NullLogger<SeedSync>.Instance);
        (await sync.SyncAsync(CancellationToken.None)).Added.Should().Be(1);
        using var watcher = new SeedWatcher(sync, options, TimeProvider.System, NullLogger<SeedWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        File.Copy(Path.Combine(RepositoryPaths.Seeds, "004_96aa271022c17038.txt"), Path.Combine(seeds, "second.txt"));
        await WaitUntilAsync(host, db => db.Articles.CountAsync(), 2);
        await File.AppendAllTextAsync(Path.Combine(seeds, "second.txt"), "\n\nОтырысқа қатысушылар келесі кездесуді 2026 жылы өткізуге келісті.\n");
        await WaitUntilAsync(host, db => db.Articles.CountAsync(a => a.Body.Contains("келесі кездесуді")), 1);

        await watcher.StopAsync(CancellationToken.None);
        await using var check = host.Db();
        (await check.Articles.CountAsync()).Should().Be(2, "the edit updated its article rather than adding one");
    }

    private static async Task WaitUntilAsync(TestHost host, Func<DigestBot.Storage.DigestDbContext, Task<int>> count, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = host.Db())
            {
                var actual = await count(db);
                if (actual == expected || DateTime.UtcNow > deadline)
                {
                    actual.Should().Be(expected);
                    return;
                }
            }

            await Task.Delay(100);
        }
    }
}
