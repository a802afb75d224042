using DigestBot.Benchmarks.Conversation;
using DigestBot.Benchmarks.Delivery;
using DigestBot.Benchmarks.Import;
using DigestBot.Benchmarks.Summaries;

// Bench commands print figures; `docs/benchmarks.md` lists each with the command that reproduces it.
var command = args.FirstOrDefault() ?? "help";
int Count(int fallback) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : fallback;

return command switch
{
    "import" => await ImportBench.RunAsync(Count(10_000)),
    "updates" => await UpdatesBench.RunAsync(Count(10_000)),
    "summaries" => SummariesBench.Run(Count(5_000)),
    "delivery" => await DeliveryBench.RunAsync(Count(10_000)),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/DigestBot.Benchmarks -- <bench> [count]");
    Console.WriteLine("  import [10000]   import generated scraped pages into a fresh SQLite file");
    Console.WriteLine("  updates [10000]  drive mixed updates through the dispatcher and handlers on the seed store");
    Console.WriteLine("  summaries [5000] summarize generated 800-word ru and kk articles on one core");
    Console.WriteLine("  delivery [10000] deliver one digest to private chats through the rate limiter to a flood-limited local Bot API");
    return 2;
}
