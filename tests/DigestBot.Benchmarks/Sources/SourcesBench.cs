using System.Diagnostics;
using System.Globalization;
using DigestBot.Sources;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Benchmarks.Sources;

/// <summary>Polls N live RSS feeds of M teaser items on local news sites, as <c>sources poll --once</c> does, into a
/// fresh SQLite file, after a warm-up poll of other feeds: every item's page is fetched, extracted, summarized and
/// stored. Prints the rate and peak memory.</summary>
public static class SourcesBench
{
    private const int WarmUpFeeds = 10;

    /// <param name="stages">Then time each step of a poll apart, on the warm-up feeds, into another fresh store.</param>
    public static async Task<int> RunAsync(int feedCount, int itemsPerFeed, int hostCount, bool stages)
    {
        var work = Path.Combine(Path.GetTempPath(), "digestbot-bench-sources-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            await using var sites = await GeneratedNewsSites.StartAsync(WarmUpFeeds + feedCount, itemsPerFeed, hostCount);
            using var host = await StartHostAsync(Path.Combine(work, "bench.db"));
            var store = host.Services.GetRequiredService<SourceStore>();
            for (var i = 0; i < WarmUpFeeds + feedCount; i++)
            {
                await store.AddAsync(new SourceSpec(sites.FeedUrl(i)), CancellationToken.None);
            }

            var sources = await store.ListAsync(CancellationToken.None);
            var poller = host.Services.GetRequiredService<SourcePoller>();
            var loadBefore = LoadAverage();

            // The first poll of a fresh process pays for JIT compilation and first use (models, EF Core, parsers);
            // the bot polls all day, so the figure is the second.
            var warmUpStarted = Stopwatch.GetTimestamp();
            var warmUp = await SourcesJob.PollAllAsync(poller, sources[..WarmUpFeeds], null, CancellationToken.None);
            var warmUpElapsed = Stopwatch.GetElapsedTime(warmUpStarted);
            var pagesBefore = sites.PagesServed;

            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            using var heap = new HeapSampler();
            var started = Stopwatch.GetTimestamp();
            var results = await SourcesJob.PollAllAsync(poller, sources[WarmUpFeeds..], null, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var peakHeap = heap.Stop();
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
            var pagesFetched = sites.PagesServed - pagesBefore;

            int stored;
            await using (var db = await host.Services.GetRequiredService<IDbContextFactory<DigestDbContext>>().CreateDbContextAsync())
            {
                stored = await db.Articles.CountAsync() - warmUp.Sum(r => r.Added);
            }

            var items = feedCount * itemsPerFeed;
            var added = results.Sum(r => r.Added);
            var failed = results.Where(r => !r.Read).ToList();
            var problems = results.SelectMany(r => r.Problems).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sources: {feedCount:N0} RSS feeds of {itemsPerFeed:N0} teaser items on {Math.Min(feedCount, sites.Hosts.Count)} hosts, {SourcesJob.SourcesAtOnce} sources at once, {Environment.ProcessorCount} cores"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  warm-up        : {WarmUpFeeds} other feeds, {warmUp.Sum(r => r.Added):N0} articles in {warmUpElapsed.TotalSeconds:F2} s = {warmUp.Sum(r => r.Added) / warmUpElapsed.TotalSeconds:N0} articles/s (cold process)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  feeds          : {results.Count(r => r.Read):N0} read, {failed.Count} failed"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  items          : {items:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pages fetched  : {pagesFetched:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  articles stored: {stored:N0} ({added:N0} added, {problems.Count} item(s) left out)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  elapsed        : {elapsed.TotalSeconds:F2} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rate           : {stored / elapsed.TotalSeconds:N0} articles/s (target 300)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cpu            : {cpu.TotalSeconds:F2} s, {cpu / elapsed:F2} cores, {cpu.TotalMilliseconds / Math.Max(stored, 1):F2} ms per article (the sites' side included)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  peak memory    : {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB working set (the sites' {sites.PageBytes / 1024.0 / 1024.0:N0} MB of gzipped pages included), GC heap {peakHeap / 1024.0 / 1024.0:N0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  collections    : {collections[0]:N0} gen0, {collections[1]:N0} gen1, {collections[2]:N0} gen2, {pause.TotalSeconds:F2} s paused"));
            Console.WriteLine($"  load average   : {loadBefore} before, {LoadAverage()} after");
            foreach (var line in failed.Select(r => r.Describe()).Concat(problems).Take(5))
            {
                Console.WriteLine("  " + line);
            }

            if (stages)
            {
                using var fresh = await StartHostAsync(Path.Combine(work, "stages.db"));
                await SourcesStages.PrintAsync(sites, fresh.Services, WarmUpFeeds);
            }

            return stored >= items ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<IHost> StartHostAsync(string database)
    {
        var host = AppHost.CreateBuilder(database, quiet: true, new Dictionary<string, string?>
        {
            // The sites are on 127.0.0.x.
            ["Sources:AllowPrivateAddresses"] = "true",
        }).Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return host;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The largest GC heap seen, sampled every 50 ms while the poll runs.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer timer;
        private long peak;

        public HeapSampler() => timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        public long Stop()
        {
            timer.Change(Timeout.Infinite, Timeout.Infinite);
            Sample();
            return Interlocked.Read(ref peak);
        }

        public void Dispose() => timer.Dispose();

        private void Sample()
        {
            var size = GC.GetTotalMemory(forceFullCollection: false);
            long seen;
            while (size > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, size, seen) != seen)
            {
            }
        }
    }
}
