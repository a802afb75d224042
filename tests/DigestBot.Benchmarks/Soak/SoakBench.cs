using System.Diagnostics;
using System.Runtime;
using DigestBot.Cli;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Benchmarks.Soak;

/// <summary>
/// The real bot host, polling the telegram-test-api emulator, under steady mixed traffic from emulated users for a number
/// of minutes. Prints this process's memory (the bot runs in it) after a warm-up, every minute and at the end, and fails
/// when it grew by more than <see cref="AllowedGrowth"/>.
/// </summary>
public static class SoakBench
{
    /// <summary>Growth of the working set or the GC heap past which the run fails.</summary>
    public const double AllowedGrowth = 0.20;

    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // The emulator keeps every message until this old and scans all of them on each call: two minutes keeps it small.
    private static readonly TimeSpan EmulatorStoreTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(int minutes, int users, TimeSpan period)
    {
        var work = Path.Combine(Path.GetTempPath(), "digestbot-bench-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        var emulator = new TelegramEmulatorProcess(Console.WriteLine, EmulatorStoreTimeout);
        await emulator.StartAsync();
        var token = TelegramEmulatorProcess.CreateBotToken();
        using var stopBot = new CancellationTokenSource();
        var host = RunCommand.BuildHost(Path.Combine(work, "soak.db"), new Dictionary<string, string?>
        {
            ["Telegram:Token"] = token,
            ["Telegram:ApiBaseUrl"] = emulator.ApiBaseUrl.ToString(),
            ["Seeds:Path"] = Paths.Seeds,
            ["Seeds:Watch"] = "false",
            ["Topics:CatalogPath"] = Path.Combine(Paths.Seeds, "topics.json"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        },
        builder => EmulatorAnswers.AddTo(builder.Services));
        var running = Task.Run(() => RunCommand.RunHostAsync(host, stopBot.Token));
        try
        {
            await WaitUntilStartedAsync(host, running);
            var traffic = SoakTraffic.FromSeeds(Paths.Seeds);
            var counts = new SoakCounts();
            using var stopUsers = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token);
            var driving = Enumerable.Range(0, users)
                .Select(i => new SoakUser(emulator.CreateUser(new[] { "ru", "kk", "en" }[i % 3], token), traffic, new Random(i), period, counts))
                .Select(user => Task.Run(() => user.RunAsync(stopUsers.Token)))
                .ToList();

            Console.WriteLine($"soak: {users} emulated users, one message or button press each every {period.TotalSeconds:0.#} s; "
                + $"{WarmUp.TotalMinutes:0} min warm-up, then {minutes} min measured");
            var clock = Stopwatch.StartNew();
            await DelayAsync(WarmUp, interrupted.Token);
            var start = await Sample.TakeAsync(clock.Elapsed, host.Services, counts, emulator);
            Console.WriteLine(start.Line("start"));

            var last = start;
            for (var minute = 1; minute <= minutes && !interrupted.IsCancellationRequested; minute++)
            {
                await DelayAsync(WarmUp + (minute * Minute) - clock.Elapsed, interrupted.Token);
                last = await Sample.TakeAsync(clock.Elapsed, host.Services, counts, emulator);
                Console.WriteLine(last.Line($"min {minute,3}"));
            }

            await stopUsers.CancelAsync();
            await Task.WhenAll(driving);
            return Report(start, last, running);
        }
        finally
        {
            await stopBot.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // Stopped as asked.
            }

            await host.DisposeAsync();
            await emulator.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Report(Sample start, Sample end, Task running)
    {
        var workingSet = Growth(start.WorkingSet, end.WorkingSet);
        var heap = Growth(start.GcHeap, end.GcHeap);
        var minutes = (end.Elapsed - start.Elapsed).TotalMinutes;
        Console.WriteLine($"measured {minutes:0.#} min: {end.Updates - start.Updates:N0} updates handled "
            + $"({(end.Updates - start.Updates) / Math.Max(1, minutes * 60):0.0}/s), {end.Replies - start.Replies:N0} replies received, "
            + $"{end.Unanswered - start.Unanswered:N0} messages unanswered within 10 s, {end.Errors - start.Errors:N0} emulator errors");
        Console.WriteLine($"memory growth: working set {workingSet:+0.0%;-0.0%}, GC heap after a full GC {heap:+0.0%;-0.0%} (limit {AllowedGrowth:+0%})");
        if (running.IsCompleted)
        {
            Console.WriteLine("FAIL: the bot stopped during the run");
            return 1;
        }

        if (end.Updates == start.Updates || end.Replies == start.Replies)
        {
            Console.WriteLine("FAIL: no traffic was handled while measuring");
            return 1;
        }

        if (workingSet > AllowedGrowth || heap > AllowedGrowth)
        {
            Console.WriteLine("FAIL: memory grew by more than the limit");
            return 1;
        }

        Console.WriteLine("PASS");
        return 0;
    }

    private static double Growth(long before, long after) => (after - before) / (double)before;

    private static async Task WaitUntilStartedAsync(IHost host, Task running)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, running).WaitAsync(TimeSpan.FromMinutes(2));
        if (running.IsCompleted)
        {
            await running;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: report what was measured so far.
        }
    }

    /// <summary>The process's memory and the traffic so far, at one moment.</summary>
    private sealed record Sample(TimeSpan Elapsed, long WorkingSet, long GcHeap, long EmulatorWorkingSet, long Updates, long Replies, long Unanswered, long Errors)
    {
        public static async Task<Sample> TakeAsync(TimeSpan elapsed, IServiceProvider bot, SoakCounts counts, TelegramEmulatorProcess emulator)
        {
            // What is still in use: a full, compacting collection first, the large object heap included.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            using var self = Process.GetCurrentProcess();
            using var node = Process.GetProcessById(emulator.ProcessId);
            var updates = (long)ScrapedMetrics.SumOf(await bot.ScrapeAsync(), "digestbot_updates_handled_total");
            return new Sample(elapsed, self.WorkingSet64, heap, node.WorkingSet64, updates, counts.Replies, counts.Unanswered, counts.Errors);
        }

        public string Line(string label) =>
            $"  {label} ({(int)Elapsed.TotalMinutes}:{Elapsed.Seconds:00}): working set {Megabytes(WorkingSet),6:0.0} MB, GC heap {Megabytes(GcHeap),5:0.0} MB; "
            + $"{Updates,7:N0} updates handled, {Replies,7:N0} replies, {Unanswered:N0} unanswered; emulator {Megabytes(EmulatorWorkingSet):0} MB";

        private static double Megabytes(long bytes) => bytes / 1024d / 1024d;
    }
}
