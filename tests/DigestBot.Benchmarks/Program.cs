using DigestBot.Benchmarks.Import;

// Bench commands print figures; `docs/benchmarks.md` lists each with the command that reproduces it.
var command = args.FirstOrDefault() ?? "help";
int Count(int fallback) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : fallback;

return command switch
{
    "import" => await ImportBench.RunAsync(Count(10_000)),
    "read" => ReadBench.Run(Count(2_000)),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/DigestBot.Benchmarks -- <bench> [count]");
    Console.WriteLine("  import [10000]   import generated scraped pages into a fresh SQLite file");
    Console.WriteLine("  read [2000]      read generated scraped pages and the seeds on one thread");
    return 2;
}
