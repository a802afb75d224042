using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DigestBot.Benchmarks.Import;

/// <summary>Writes one JSON Lines file of about N MB and imports it with the real <c>digestbot import</c> in its own
/// process, printing the size, the articles stored, the time and the process's peak working set.</summary>
public static class LargeImportBench
{
    /// <summary>Words per generated body: about 10 KB of JSON per article, as in a bulk export of long reads.</summary>
    private const int BodyWords = 700;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="raiseCap">Sets Seeds:MaxFileBytes above the file's size, for a build that holds JSON Lines to it.</param>
    public static async Task<int> RunAsync(int megabytes, bool raiseCap)
    {
        var work = Path.Combine(Path.GetTempPath(), "digestbot-bench-large-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var file = Path.Combine(work, "large.jsonl");
            var written = await WriteAsync(file, megabytes * 1024L * 1024L);
            var size = new FileInfo(file).Length;

            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Articles"] = "Data Source=" + Path.Combine(work, "bench.db"),
                ["Seeds__Path"] = Paths.Seeds,
                ["Topics__CatalogPath"] = Path.Combine(Paths.Seeds, "topics.json"),
            };
            if (raiseCap)
            {
                environment["Seeds__MaxFileBytes"] = (size + 1).ToString(CultureInfo.InvariantCulture);
            }

            var (exitCode, output, error, elapsed, peak) = await ImportAsync(file, work, environment);
            var summary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            var added = AddedCount(summary);
            Console.WriteLine($"import-large: {written:N0} generated articles, {size / 1024.0 / 1024.0:N1} MB of JSON Lines, on {Environment.ProcessorCount} cores{(raiseCap ? ", Seeds:MaxFileBytes raised above the size" : "")}");
            Console.WriteLine($"  digestbot import : exit code {exitCode}: {summary}");
            Console.WriteLine($"  time             : {elapsed.TotalSeconds:F1} s = {added / elapsed.TotalSeconds:N0} articles/s");
            Console.WriteLine($"  peak memory      : {peak / 1024.0 / 1024.0:N0} MB working set of the import process");
            if (exitCode != 0)
            {
                Console.WriteLine(string.Join('\n', error.Split('\n').Take(10)));
            }

            return exitCode == 0 && added == written ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> WriteAsync(string path, long bytes)
    {
        var generator = new ArticleGenerator(Paths.Seeds);
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = new StreamWriter(stream);
        var count = 0;
        while (stream.Length < bytes)
        {
            var article = generator.NextArticle(count);
            article = article with { Body = generator.NextBody(article.Language == "kk", BodyWords) };
            await writer.WriteLineAsync(JsonSerializer.Serialize(article, Json));
            await writer.FlushAsync();
            count++;
        }

        return count;
    }

    /// <summary>Runs the import as a maintainer would and samples the child's peak working set until it exits.</summary>
    private static async Task<(int ExitCode, string Output, string Error, TimeSpan Elapsed, long PeakWorkingSet)> ImportAsync(
        string file, string work, Dictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "digestbot.dll"), "import", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("digestbot import: unable to start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.HasExited)
        {
            try
            {
                // Linux keeps the high-water mark (VmHWM) until the process is gone: the last sample is the peak.
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break;
            }

            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        stopwatch.Stop();
        return (process.ExitCode, await output, await error, stopwatch.Elapsed, peak);
    }

    /// <summary>The "N added" of the summary line "1 file(s): N added, ...".</summary>
    private static int AddedCount(string summary)
    {
        var words = summary.Split(' ');
        var index = Array.IndexOf(words, "added,");
        return index > 0 && int.TryParse(words[index - 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var added) ? added : 0;
    }
}
