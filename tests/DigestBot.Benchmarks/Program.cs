using DigestBot.Benchmarks.Conversation;
using DigestBot.Benchmarks.Delivery;
using DigestBot.Benchmarks.Digests;
using DigestBot.Benchmarks.Import;
using DigestBot.Benchmarks.Search;
using DigestBot.Benchmarks.Soak;
using DigestBot.Benchmarks.Sources;
using DigestBot.Benchmarks.Summaries;

// Bench commands print figures; `docs/benchmarks.md` lists each with the command that reproduces it.
var command = args.FirstOrDefault() ?? "help";
int Count(int fallback) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : fallback;
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

return command switch
{
    "import" => await ImportBench.RunAsync(Count(10_000), args.Contains("--floor")),
    "import-large" => await LargeImportBench.RunAsync(Count(100), args.Contains("--raise-cap")),
    "updates" => await UpdatesBench.RunAsync(Count(10_000), int.TryParse(Option("--concurrency"), out var concurrency) && concurrency > 0 ? concurrency : 1),
    "summaries" => SummariesBench.Run(Count(5_000)),
    "read" => ReadBench.Run(Count(2_000)),
    "digest" => DigestBench.Run(Count(5_000)),
    "delivery" => await DeliveryBench.RunAsync(Count(10_000)),
    "corpus" when args.Length == 3 => await CorpusFiles.WriteAsync(Count(0), args[2]),
    "search-scale" => await SearchScaleBench.RunAsync(Count(100_000), [.. args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal))], Option("--keep")),
    "soak" => await SoakBench.RunAsync(Count(30), int.TryParse(Option("--users"), out var users) ? users : 20, TimeSpan.FromSeconds(double.TryParse(Option("--period"), System.Globalization.CultureInfo.InvariantCulture, out var period) ? period : 4)),
    "sources" => await SourcesBench.RunAsync(Count(100), int.TryParse(Option("--items"), out var items) ? items : 50, int.TryParse(Option("--hosts"), out var hosts) ? hosts : 20, args.Contains("--stages")),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/DigestBot.Benchmarks -- <bench> [count]");
    Console.WriteLine("  import [10000] [--floor]  import generated scraped pages into a fresh SQLite file; --floor also writes the");
    Console.WriteLine("                   same rows into a bare SQLite file with an FTS5 index and prints the import's share of that rate");
    Console.WriteLine("  import-large [100] [--raise-cap]  write a JSON Lines file of about N MB and import it with digestbot import");
    Console.WriteLine("                   in its own process; print articles/s and the peak working set (--raise-cap: Seeds:MaxFileBytes");
    Console.WriteLine("                   above the file's size)");
    Console.WriteLine("  updates [10000] [--concurrency 1]  drive mixed updates through the dispatcher and handlers on the seed store,");
    Console.WriteLine("                   that many at a time");
    Console.WriteLine("  summaries [5000] summarize generated 800-word ru and kk articles on one core");
    Console.WriteLine("  read [2000]      read generated scraped pages and the seeds on one thread");
    Console.WriteLine("  digest [5000]    compose daily digests from generated ru and kk candidates");
    Console.WriteLine("  delivery [10000] deliver one digest to private chats through the rate limiter to a flood-limited local Bot API");
    Console.WriteLine("  corpus <N> <out.jsonl>  write N generated ru/kk articles as JSON Lines");
    Console.WriteLine("  search-scale [100000] [--sqlite|--postgres] [--keep DIR]  import N generated articles into SQLite and PostgreSQL,");
    Console.WriteLine("                   print import rate, index size and search latency side by side");
    Console.WriteLine("  soak [30] [--users 20] [--period 4]  run the bot (polling) against the telegram-test-api emulator for N minutes after");
    Console.WriteLine("                   a 1-minute warm-up, each user sending a command, text or button press every period (seconds);");
    Console.WriteLine("                   print memory every minute; exit code 1 when the working set or GC heap grew by more than 20%");
    Console.WriteLine("  sources [100] [--items 50] [--hosts 20] [--stages]  poll N local RSS feeds of teaser items (pages fetched,");
    Console.WriteLine("                   extracted and stored) on loopback hosts into a fresh SQLite file; print articles/s and peak memory,");
    Console.WriteLine("                   with --stages the time of each step; exit code 1 when fewer articles than items were stored");
    return 2;
}
