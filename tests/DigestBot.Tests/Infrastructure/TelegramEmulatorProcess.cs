using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DigestBot.Tests.Infrastructure;

/// <summary>
/// The telegram-test-api emulator of the Bot API server, run as a Node process: for a test collection
/// (<see cref="TelegramEmulator"/>) or a benchmark.
/// </summary>
/// <param name="log">Told when the emulator is up.</param>
/// <param name="storeTimeout">How long the emulator keeps messages; a day unless given. A long run sets less, or the
/// emulator's memory and the cost of every lookup in it keep growing.</param>
public class TelegramEmulatorProcess(Action<string>? log = null, TimeSpan? storeTimeout = null)
{
    private const string ReadyLine = "telegram-test-api listening on ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly StringBuilder output = new();
    private Process? process;
    private Uri? apiBaseUrl;
    private HttpClient? http;
    private long lastUserId = 100_000_000;

    /// <summary>
    /// The bot's Telegram:ApiBaseUrl, ending with a slash. Resolve methods as <c>./bot{token}/{method}</c>:
    /// without the "./" the colon in the token makes "bot123456789:" parse as a URI scheme.
    /// </summary>
    public Uri ApiBaseUrl => apiBaseUrl ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>The token the bot under test uses unless a test asks for its own.</summary>
    public string BotToken { get; } = CreateBotToken();

    /// <summary>A fresh token shaped like a real one: the emulator keeps each token's updates apart, so a test can isolate itself.</summary>
    public static string CreateBotToken()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        var secret = Random.Shared.GetString(alphabet, 33);
        return $"{Random.Shared.NextInt64(100_000_000, 10_000_000_000)}:AA{secret}";
    }

    /// <summary>A new user with a private chat of its own; user ids never repeat within a run.</summary>
    public EmulatedUser CreateUser(string? languageCode = "en", string? botToken = null)
    {
        var id = Interlocked.Increment(ref lastUserId);
        var client = http ?? throw new InvalidOperationException("The emulator has not started.");
        return new EmulatedUser(client, botToken ?? BotToken, id, $"User{id}", $"user{id}", languageCode);
    }

    /// <summary>The Node process's id, e.g. to watch its memory; 0 before the start.</summary>
    public int ProcessId => process?.Id ?? 0;

    public async Task StartAsync()
    {
        var started = Stopwatch.StartNew();
        await NodePackages.EnsureInstalledAsync(RepositoryPaths.EndToEnd);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            if (await TryStartAsync(port))
            {
                apiBaseUrl = new Uri($"http://127.0.0.1:{port}/");
                break;
            }

            if (attempt == FreePort.Attempts)
            {
                throw new InvalidOperationException($"telegram-test-api: unable to start:\n{Output()}");
            }
        }

        http = new HttpClient { BaseAddress = apiBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        using var getMe = await http.PostAsync($"./bot{BotToken}/getMe", content: null);
        getMe.EnsureSuccessStatusCode();
        log?.Invoke($"telegram-test-api started at {apiBaseUrl} in {started.ElapsedMilliseconds} ms");
    }

    public async Task StopAsync()
    {
        http?.Dispose();
        if (process is null)
        {
            return;
        }

        // Closing stdin is the emulator's signal to stop; kill it if it does not.
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        process = null;
    }

    private async Task<bool> TryStartAsync(int port)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startInfo = new ProcessStartInfo("node", ["emulator.js", port.ToString(CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = RepositoryPaths.EndToEnd,
            // The emulator exits when its stdin ends, so it never outlives this process.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (storeTimeout is { } keep)
        {
            startInfo.Environment["EMULATOR_STORE_TIMEOUT"] = ((int)keep.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var candidate = new Process { StartInfo = startInfo };
        candidate.OutputDataReceived += (_, line) =>
        {
            Record(line.Data);
            if (line.Data?.StartsWith(ReadyLine, StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        candidate.ErrorDataReceived += (_, line) => Record(line.Data);
        candidate.Start();
        candidate.BeginOutputReadLine();
        candidate.BeginErrorReadLine();

        var exited = candidate.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartTimeout));
        if (first == ready.Task)
        {
            process = candidate;
            return true;
        }

        if (first != exited)
        {
            candidate.Kill(entireProcessTree: true);
            candidate.Dispose();
            throw new TimeoutException($"telegram-test-api did not start within {StartTimeout}:\n{Output()}");
        }

        candidate.Dispose();
        return false;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
