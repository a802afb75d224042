using System.Diagnostics;
using System.Text;
using DigestBot.Core.Importing;
using DigestBot.Importing;

namespace DigestBot.Benchmarks.Import;

/// <summary>Reads generated scraped pages and the bundled seeds with <see cref="DocumentReader"/> on one thread and prints pages per second.</summary>
public static class ReadBench
{
    /// <summary>The machine is shared, so the best round stands for what the code can do.</summary>
    private const int Rounds = 5;

    /// <summary>Long enough for tiered compilation to settle on its optimized code.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static int Run(int count)
    {
        var generator = new ArticleGenerator(Paths.Seeds);
        var pages = Enumerable.Range(0, count)
            .Select(i => new Page($"{i:D6}.txt", Encoding.UTF8.GetBytes(generator.NextScrapedPage(i))))
            .ToArray();
        var seeds = SeedFiles.Expand([Paths.Seeds])
            .Select(file => new Page(Path.GetFileName(file.Path), File.ReadAllBytes(file.Path)))
            .ToArray();

        // The seeds are few, so they are read over and over until they make as many pages as the generated set.
        var repeatedSeeds = Enumerable.Repeat(seeds, Math.Max(1, count / seeds.Length)).SelectMany(page => page).ToArray();

        var reader = new DocumentReader();
        Console.WriteLine($"read: DocumentReader on one thread, best of {Rounds} rounds after a warm-up");
        var generatedOk = Measure(reader, $"{count:N0} generated pages", pages);
        var seedsOk = Measure(reader, $"{seeds.Length} seeds x {repeatedSeeds.Length / seeds.Length:N0}", repeatedSeeds);
        return generatedOk && seedsOk ? 0 : 1;
    }

    /// <summary>Prints the best rate over the rounds; false when a page yielded no article.</summary>
    private static bool Measure(DocumentReader reader, string label, Page[] pages)
    {
        var articles = ReadAll(reader, pages);
        for (var warmUp = Stopwatch.StartNew(); warmUp.Elapsed < WarmUp;)
        {
            ReadAll(reader, pages);
        }

        // CPU time as well as wall time: on a busy machine the wall clock also counts the time other processes ran.
        TimeSpan bestWall = TimeSpan.MaxValue, bestCpu = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < Rounds; round++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            ReadAll(reader, pages);
            stopwatch.Stop();
            process.Refresh();
            bestWall = Min(bestWall, stopwatch.Elapsed);
            bestCpu = Min(bestCpu, process.TotalProcessorTime - cpuBefore);
        }

        var kilobytes = pages.Average(page => page.Content.Length) / 1024.0;
        Console.WriteLine(
            $"  {label,-22}: {pages.Length / bestWall.TotalSeconds,8:N0} pages/s wall, "
            + $"{pages.Length / bestCpu.TotalSeconds,8:N0} pages per CPU second ({kilobytes:F1} KB a page)");
        return articles == pages.Length;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static int ReadAll(DocumentReader reader, Page[] pages)
    {
        var articles = 0;
        foreach (var page in pages)
        {
            articles += reader.Read(page.FileName, page.Content).Articles.Count;
        }

        return articles;
    }

    private sealed record Page(string FileName, byte[] Content);
}
