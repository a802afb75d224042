using System.Diagnostics;
using System.Globalization;

namespace DigestBot.Cli;

/// <summary>A line on the terminal that long work rewrites as it goes (done/total, rate, time left); silent when
/// standard error is redirected, so logs and pipes get only the summary.</summary>
public sealed class ProgressLine(string what, int total, TextWriter errors)
{
    private readonly bool visible = ReferenceEquals(errors, Console.Error) && !Console.IsErrorRedirected;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock sync = new();
    private int done;

    public void Step(string? last = null)
    {
        lock (sync)
        {
            done++;
            Draw(last);
        }
    }

    /// <summary>Sets how much is done, for work that moves in larger steps (the pages of a copy).</summary>
    public void Report(int doneSoFar, string? last = null)
    {
        lock (sync)
        {
            done = doneSoFar;
            Draw(last);
        }
    }

    public void Finish()
    {
        lock (sync)
        {
            if (visible)
            {
                errors.Write($"\r{new string(' ', Math.Max(Console.WindowWidth - 1, 40))}\r");
            }
        }
    }

    private void Draw(string? last)
    {
        if (!visible)
        {
            return;
        }

        var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var left = TimeSpan.FromSeconds(Math.Round((total - done) / Math.Max(rate, 0.001)));
        var eta = left.ToString(left.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);
        var line = $"{what}: {done}/{total}, {rate:0.0}/s, {eta} left  {last}";
        var width = Math.Max(Console.WindowWidth - 1, 40);
        errors.Write($"\r{(line.Length > width ? line[..width] : line.PadRight(width))}");
    }
}
