using System.Diagnostics;
using DigestBot.Cli;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The real bot host, started as <c>digestbot run</c> starts it on the seeds, long polling <see cref="FakeBotApi"/>
/// for the updates of an <see cref="UpdateFeed"/>; every log line at <c>logLevel</c> and above is recorded.</summary>
internal sealed class PollingBot : IAsyncDisposable
{
    private readonly HostRun run;

    private PollingBot(FakeBotApi api, IDictionary<string, string?>? settings, LogLevel logLevel)
    {
        Api = api;
        Updates = new UpdateFeed(api);
        var all = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:RetryBaseDelay"] = "00:00:00.010",

            // The limiter has tests of its own; here it would only pace the test.
            ["Telegram:RateLimits:GlobalPerSecond"] = "1000000",
            ["Telegram:RateLimits:PerChatPerSecond"] = "1000000",
            ["Telegram:RateLimits:PerGroupPerMinute"] = "1000000",
            ["Seeds:Path"] = RepositoryPaths.Seeds,
            ["Seeds:Watch"] = "false",
            ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        run = new HostRun(RunCommand.BuildHost(Folder.File("bot.db"), all, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);

            // A provider rule outranks the category levels of appsettings.json, which quiet the HTTP client.
            builder.Logging.AddFilter<LogRecorder>(null, logLevel);
        }));
    }

    public FakeBotApi Api { get; }

    public UpdateFeed Updates { get; }

    public LogRecorder Logs { get; } = new();

    public TempFolder Folder { get; } = new();

    /// <summary>The host's run; it ends only when the bot stops.</summary>
    public Task Running => run.Running;

    public IServiceProvider Services => run.Host.Services;

    /// <summary>Starts the bot and waits for its first poll: by then it has migrated, imported the seeds and learned its name.</summary>
    public static async Task<PollingBot> StartAsync(IDictionary<string, string?>? settings = null, LogLevel logLevel = LogLevel.Warning)
    {
        var bot = new PollingBot(await FakeBotApi.StartAsync(), settings, logLevel);
        var waiting = Stopwatch.StartNew();
        while (bot.Api.RequestsFor("getUpdates").Count == 0)
        {
            if (bot.Running.IsCompleted)
            {
                await bot.Running;
                throw new InvalidOperationException("the bot stopped before its first poll");
            }

            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the bot starts polling soon after start");
            await Task.Delay(20);
        }

        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await run.DisposeAsync();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
