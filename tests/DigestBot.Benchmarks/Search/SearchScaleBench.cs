using System.Diagnostics;
using System.Globalization;
using DigestBot.Importing;
using DigestBot.Search;
using DigestBot.Storage;
using DigestBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Benchmarks.Search;

/// <summary>Imports N generated articles into SQLite and PostgreSQL through the importer, then prints the import rate,
/// the size of the search index and the latency of searches side by side.</summary>
public static class SearchScaleBench
{
    private const int Queries = 100;
    private const int PageSize = 5;
    private const int TimedPasses = 3;

    // The importer parses 128 files at a time: small files keep that to some 30,000 articles in memory.
    private const int LinesPerFile = 250;

    // Commits wait for no disk flush, like SQLite's WAL with synchronous=NORMAL; buffers as commonly tuned, the rest default.
    private static readonly string[] PostgresSettings = ["synchronous_commit=off", "shared_buffers=512MB"];

    /// <summary><c>search-scale N [--sqlite|--postgres] [--keep DIR]</c>: both providers unless one is named. With
    /// <c>--keep</c> the corpus and the databases stay in DIR, and a later run with the same DIR times the searches again
    /// without importing.</summary>
    public static async Task<int> RunAsync(int count, IReadOnlyCollection<string> options, string? keep)
    {
        string[] providers = options.Contains("--sqlite") == options.Contains("--postgres")
            ? ["Sqlite", "Postgres"]
            : [options.Contains("--sqlite") ? "Sqlite" : "Postgres"];
        var work = keep is null ? Directory.CreateTempSubdirectory("digestbot-bench-search-").FullName : Directory.CreateDirectory(keep).FullName;
        try
        {
            var generator = new ArticleGenerator(Paths.Seeds);
            var corpus = Path.Combine(work, "corpus");
            var generating = Stopwatch.StartNew();
            var written = Path.Combine(work, $"corpus-{count}.done");
            if (!File.Exists(written))
            {
                for (var first = 0; first < count; first += LinesPerFile)
                {
                    await CorpusFiles.WriteAsync(generator, first, Math.Min(LinesPerFile, count - first), Path.Combine(corpus, $"{first / LinesPerFile:D5}.jsonl"));
                }

                await File.WriteAllTextAsync(written, "");
            }

            var queries = SearchQueries.Generate(generator, Queries);
            Console.WriteLine($"search-scale: {count:N0} generated articles in {generating.Elapsed.TotalSeconds:F0} s, {Environment.ProcessorCount} cores");

            var results = new List<Result>();
            foreach (var provider in providers)
            {
                results.Add(provider == "Sqlite"
                    ? await MeasureAsync("SQLite", Path.Combine(work, "bench.db"), Settings("Sqlite"), corpus, queries, SqliteSizesAsync, Path.Combine(work, "sqlite"))
                    : await MeasurePostgresAsync(corpus, queries, keep is null ? null : work));
            }

            Print(count, results);

            // The cleaner rejects a few generated bodies; both providers must have stored the same articles.
            return results.Select(r => r.Imported).Distinct().Count() == 1 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task<Result> MeasurePostgresAsync(string corpus, IReadOnlyList<string> queries, string? keep)
    {
        await using var cluster = await PostgresCluster.StartAsync(PostgresSettings, keep is null ? null : Path.Combine(keep, "postgres"));
        var connectionString = await cluster.HasDatabaseAsync("bench") ? cluster.ConnectionString("bench") : await cluster.CreateDatabaseAsync("bench");
        return await MeasureAsync(
            "PostgreSQL",
            connectionString,
            Settings("Postgres"),
            corpus,
            queries,
            PostgresSizesAsync,
            keep is null ? null : Path.Combine(keep, "postgres"));
    }

    private static Dictionary<string, string?> Settings(string provider) => new()
    {
        ["Storage:Provider"] = provider,
        ["Topics:CatalogPath"] = Path.Combine(Paths.Seeds, "topics.json"),
    };

    private static async Task<Result> MeasureAsync(
        string name,
        string connectionString,
        Dictionary<string, string?> settings,
        string corpus,
        IReadOnlyList<string> queries,
        Func<DigestDbContext, Task<(long Index, long Database)>> sizes,
        string? kept)
    {
        var imported = kept is null ? null : kept + ".import";
        using var host = AppHost.CreateBuilder(connectionString, quiet: true, settings).Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        // A kept store was imported by an earlier run, whose figures were written beside it.
        int added;
        double rate;
        if (imported is not null && File.Exists(imported))
        {
            var earlier = (await File.ReadAllTextAsync(imported)).Split(' ');
            (added, rate) = (int.Parse(earlier[0], CultureInfo.InvariantCulture), double.Parse(earlier[1], CultureInfo.InvariantCulture));
            Console.WriteLine($"  {name}: imported by an earlier run");
        }
        else
        {
            Console.WriteLine($"  {name}: importing…");
            GC.Collect();
            var importing = Stopwatch.StartNew();
            var report = await host.Services.GetRequiredService<ArticleImporter>().ImportAsync([corpus], CancellationToken.None);
            (added, rate) = (report.Added, report.Added / importing.Elapsed.TotalSeconds);
            if (imported is not null)
            {
                await File.WriteAllTextAsync(imported, string.Create(CultureInfo.InvariantCulture, $"{added} {rate}"));
            }
        }

        await using var db = host.Services.GetRequiredService<IDbContextFactory<DigestDbContext>>().CreateDbContext();
        var (index, database) = await sizes(db);

        // A warm-up pass fills the caches and the JIT; then each query is timed in three more passes, and its time is the
        // median of the three, so that a moment's pause of a two-core machine does not stand for the query.
        var search = host.Services.GetRequiredService<IArticleSearch>();
        var times = queries.Select(_ => new List<double>()).ToList();
        var pages = new SearchPage[queries.Count];
        for (var pass = 0; pass <= TimedPasses; pass++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var timer = Stopwatch.StartNew();
                pages[i] = await search.SearchAsync(queries[i], null, 0, PageSize, CancellationToken.None);
                if (pass > 0)
                {
                    times[i].Add(timer.Elapsed.TotalMilliseconds);
                }
            }
        }

        var latencies = queries.Select((query, i) => (Milliseconds: times[i].Order().ElementAt(TimedPasses / 2), Query: query, pages[i].Total)).ToList();
        var capped = pages.Count(page => page.Capped);

        var sorted = latencies.OrderBy(l => l.Milliseconds).ToList();
        if (kept is not null)
        {
            // Every query's time, slowest first, for a closer look at what sets the tail.
            await File.WriteAllLinesAsync(
                kept + "-searches.tsv",
                sorted.AsEnumerable().Reverse().Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Milliseconds:F1}\t{l.Total}\t{l.Query}")));
        }

        Console.WriteLine($"  {name}: slowest: {string.Join("; ", sorted.TakeLast(3).Reverse().Select(l => string.Create(CultureInfo.InvariantCulture, $"«{l.Query}» {l.Milliseconds:F0} ms, {l.Total:N0} hits ranked")))}");
        return new Result(
            name,
            added,
            rate,
            index,
            database,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            sorted.Average(l => l.Total),
            capped);
    }

    private static async Task<(long Index, long Database)> SqliteSizesAsync(DigestDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

        // The bundled SQLite lacks dbstat: the index is counted as the bytes its FTS5 shadow tables hold, without page slack.
        var index = await db.Database
            .SqlQueryRaw<long>("""
                SELECT (SELECT coalesce(sum(length(block)), 0) FROM ArticleSearch_data)
                     + (SELECT coalesce(sum(length(sz)), 0) FROM ArticleSearch_docsize)
                     + (SELECT coalesce(sum(length(term) + 16), 0) FROM ArticleSearch_idx) AS Value
                """)
            .SingleAsync();
        return (index, new FileInfo(file).Length);
    }

    // ANALYZE stands for the autovacuum that would follow a bulk load within a minute.
    private static async Task<(long Index, long Database)> PostgresSizesAsync(DigestDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE article_search;");
        var index = await db.Database.SqlQueryRaw<long>("SELECT pg_total_relation_size('article_search') AS \"Value\"").SingleAsync();
        var database = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
        return (index, database);
    }

    private static double Percentile(List<(double Milliseconds, string Query, int Total)> sorted, double share) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)].Milliseconds;

    private static void Print(int count, IReadOnlyList<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} articles | {string.Join(" | ", results.Select(r => r.Name))} |"));
        Console.WriteLine($"|---|{string.Concat(results.Select(_ => "---:|"))}");
        Row("articles stored", r => r.Imported.ToString("N0", CultureInfo.InvariantCulture));
        Row("import (articles/s)", r => r.ImportRate.ToString("N0", CultureInfo.InvariantCulture));
        Row("search index on disk (MB)", r => Megabytes(r.IndexBytes));
        Row("whole database on disk (MB)", r => Megabytes(r.DatabaseBytes));
        Row($"search p50 (ms, first page of {PageSize})", r => r.P50.ToString("F1", CultureInfo.InvariantCulture));
        Row($"search p95 (ms, first page of {PageSize})", r => r.P95.ToString("F1", CultureInfo.InvariantCulture));
        Row("mean hits ranked per query", r => r.MeanTotal.ToString("N0", CultureInfo.InvariantCulture));
        Row("queries with more matches than ranked", r => r.Capped.ToString(CultureInfo.InvariantCulture));

        void Row(string label, Func<Result, string> value) =>
            Console.WriteLine($"| {label} | {string.Join(" | ", results.Select(value))} |");

        static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);
    }

    private sealed record Result(string Name, int Imported, double ImportRate, long IndexBytes, long DatabaseBytes, double P50, double P95, double MeanTotal, int Capped);
}
