using System.Diagnostics;
using DigestBot.Core.Articles;
using DigestBot.Core.Summaries;

namespace DigestBot.Benchmarks.Summaries;

/// <summary>Summarizes generated 800-word ru and kk articles on one thread and prints summaries per second.</summary>
public static class SummariesBench
{
    public const int Words = 800;
    private const int Distinct = 200;
    private const double TargetPerSecond = 500;

    public static int Run(int count)
    {
        // Pinned to one core so the figure does not depend on how many the machine has.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1;
        }

        var generator = new ArticleGenerator(Paths.Seeds);
        var summarizer = new ExtractiveSummarizer();
        Console.WriteLine($"summaries: {count:N0} summaries of {Words}-word articles per language on one thread, one core");
        var met = true;
        foreach (var language in new[] { Language.Ru, Language.Kk })
        {
            var bodies = Enumerable.Range(0, Distinct).Select(_ => generator.NextBody(language == Language.Kk, Words)).ToArray();
            Summarize(summarizer, bodies, language, Distinct);

            var stopwatch = Stopwatch.StartNew();
            var characters = Summarize(summarizer, bodies, language, count);
            stopwatch.Stop();
            var rate = count / stopwatch.Elapsed.TotalSeconds;
            met &= rate >= TargetPerSecond;
            Console.WriteLine(
                $"  {language.ToCode()}: {rate,8:N0} summaries/s ({stopwatch.Elapsed.TotalMilliseconds / count:F2} ms each, {characters / count:N0} chars on average)");
        }

        Console.WriteLine($"  target: {TargetPerSecond:N0} summaries/s per language: {(met ? "met" : "NOT met")}");
        return met ? 0 : 1;
    }

    private static long Summarize(ExtractiveSummarizer summarizer, string[] bodies, Language language, int count)
    {
        var characters = 0L;
        for (var i = 0; i < count; i++)
        {
            characters += summarizer.Summarize(bodies[i % bodies.Length], language).Text.Length;
        }

        return characters;
    }
}
