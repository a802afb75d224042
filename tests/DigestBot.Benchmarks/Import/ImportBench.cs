using System.Diagnostics;
using DigestBot.Importing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks.Import;

/// <summary>Imports N generated scraped pages into a fresh SQLite file and prints the rate and peak memory.</summary>
public static class ImportBench
{
    /// <param name="floor">Also store the same rows in a bare SQLite file with an FTS5 index and no text work, and print
    /// the import's rate as a share of that floor.</param>
    public static async Task<int> RunAsync(int count, bool floor = false)
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
            var cpu = ProcessorTime();
            var stopwatch = Stopwatch.StartNew();
            var report = await importer.ImportAsync([seeds], CancellationToken.None);
            stopwatch.Stop();
            cpu = ProcessorTime() - cpu;
            var again = Stopwatch.StartNew();
            var second = await importer.ImportAsync([seeds], CancellationToken.None);
            again.Stop();

            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"import: {count:N0} generated scraped pages on {Environment.ProcessorCount} cores");
            Console.WriteLine($"  first import : {report.Added:N0} added, {report.SkippedFiles} skipped in {stopwatch.Elapsed.TotalSeconds:F2} s = {report.Added / stopwatch.Elapsed.TotalSeconds:N0} articles/s, {cpu.TotalMilliseconds / count:F2} ms of CPU per article");
            Console.WriteLine($"  re-import    : {second.Unchanged:N0} unchanged in {again.Elapsed.TotalSeconds:F2} s = {second.Unchanged / again.Elapsed.TotalSeconds:N0} articles/s");
            Console.WriteLine($"  peak memory  : {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB working set");
            if (floor)
            {
                var rate = report.Added / stopwatch.Elapsed.TotalSeconds;
                var (floorRate, floorCpu) = await MeasureFloorAsync(Path.Combine(work, "bench.db"), Path.Combine(work, "floor.db"));
                Console.WriteLine($"  floor        : {floorRate:N0} articles/s, {floorCpu:F2} ms of CPU per article, the same rows into a bare SQLite file with an FTS5 index, no text work");
                Console.WriteLine($"  ratio        : {rate / floorRate:F2} of the floor; in CPU time per article {floorCpu / (cpu.TotalMilliseconds / count):F2}");
            }

            return report.Added == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The storage floor: the imported rows written again, as a plain script would, into a fresh file: one
    /// prepared insert per table, a transaction per 500 rows, the FTS5 index with its default tokenizer.</summary>
    /// <returns>Articles per second, and the milliseconds of CPU each took.</returns>
    private static async Task<(double Rate, double CpuPerArticle)> MeasureFloorAsync(string imported, string floorFile)
    {
        var rows = new List<(string Title, string Body, string? Summary)>();
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={imported};Mode=ReadOnly"))
        {
            await source.OpenAsync();
            await using var read = source.CreateCommand();
            read.CommandText = "SELECT Title, Body, Summary FROM Articles ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={floorFile}");
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText =
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" +
                "CREATE TABLE Articles (Id INTEGER PRIMARY KEY, Title TEXT NOT NULL, Body TEXT NOT NULL, Summary TEXT);" +
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, summary, content='', contentless_delete=1);";
            await setup.ExecuteNonQueryAsync();
        }

        var cpu = ProcessorTime();
        var clock = Stopwatch.StartNew();
        foreach (var batch in rows.Chunk(500))
        {
            await using var transaction = connection.BeginTransaction();
            await using var article = connection.CreateCommand();
            article.CommandText = "INSERT INTO Articles (Title, Body, Summary) VALUES ($t, $b, $s) RETURNING Id";
            var (title, body, summary) = (article.Parameters.Add("$t", Microsoft.Data.Sqlite.SqliteType.Text), article.Parameters.Add("$b", Microsoft.Data.Sqlite.SqliteType.Text), article.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Text));
            await using var index = connection.CreateCommand();
            index.CommandText = "INSERT INTO ArticleSearch (rowid, title, body, summary) VALUES ($id, $t, $b, $s)";
            var (id, indexTitle, indexBody, indexSummary) = (index.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer), index.Parameters.Add("$t", Microsoft.Data.Sqlite.SqliteType.Text), index.Parameters.Add("$b", Microsoft.Data.Sqlite.SqliteType.Text), index.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Text));
            foreach (var row in batch)
            {
                (title.Value, body.Value, summary.Value) = (row.Title, row.Body, (object?)row.Summary ?? DBNull.Value);
                id.Value = await article.ExecuteScalarAsync();
                (indexTitle.Value, indexBody.Value, indexSummary.Value) = (row.Title, row.Body, (object?)row.Summary ?? DBNull.Value);
                await index.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return (rows.Count / clock.Elapsed.TotalSeconds, (ProcessorTime() - cpu).TotalMilliseconds / rows.Count);
    }

    // The machine is shared: CPU time tells what the work costs when the wall clock also counts other people's builds.
    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
