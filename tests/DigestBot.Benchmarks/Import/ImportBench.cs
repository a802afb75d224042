using System.Diagnostics;
using DigestBot.Importing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks.Import;

/// <summary>Imports N generated scraped pages into a fresh SQLite file and prints the rate and peak memory.</summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(int count)
    {
        var work = Path.Combine(Path.GetTempPath(), "digestbot-bench-import-" + Guid.NewGuid().ToString("N"));
        var seeds = Path.Combine(work, "seeds");
        Directory.CreateDirectory(seeds);
        try
        {
            var generator = new ArticleGenerator(Paths.Seeds);
            for (var i = 0; i < count; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(seeds, $"{i:D6}.txt"), generator.NextScrapedPage(i));
            }

            using var host = AppHost.CreateBuilder(Path.Combine(work, "bench.db"), quiet: true).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            var importer = host.Services.GetRequiredService<ArticleImporter>();

            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            var report = await importer.ImportAsync([seeds], CancellationToken.None);
            stopwatch.Stop();
            var again = Stopwatch.StartNew();
            var second = await importer.ImportAsync([seeds], CancellationToken.None);
            again.Stop();

            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"import: {count:N0} generated scraped pages on {Environment.ProcessorCount} cores");
            Console.WriteLine($"  first import : {report.Added:N0} added, {report.SkippedFiles} skipped in {stopwatch.Elapsed.TotalSeconds:F2} s = {report.Added / stopwatch.Elapsed.TotalSeconds:N0} articles/s");
            Console.WriteLine($"  re-import    : {second.Unchanged:N0} unchanged in {again.Elapsed.TotalSeconds:F2} s = {second.Unchanged / again.Elapsed.TotalSeconds:N0} articles/s");
            Console.WriteLine($"  peak memory  : {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB working set");
            return report.Added == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }
}
