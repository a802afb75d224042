using System.Diagnostics;
using DigestBot.Cli;
using DigestBot.Core.Articles;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DigestBot.Tests.Infrastructure;

/// <summary>The bot host as <c>run</c> builds it, against <see cref="FakeBotApi"/>, on a database that outlives restarts and
/// a clock that moves only when the test says.</summary>
internal sealed class ScheduledBot : IAsyncDisposable
{
    private readonly TempFolder folder = new();
    private readonly string database;
    private readonly Dictionary<string, string?> storage;
    private readonly bool ownsApi;
    private IHost? host;
    private bool started;

    private ScheduledBot(FakeBotApi api, TestClock clock, string? database, bool ownsApi)
    {
        Api = api;
        Clock = clock;
        this.ownsApi = ownsApi;
        this.database = database ?? folder.File("bot.db");
        storage = database is null ? [] : new() { ["Storage:Provider"] = "Postgres" };
        Directory.CreateDirectory(folder.File("seeds"));
    }

    public FakeBotApi Api { get; }

    public TestClock Clock { get; }

    public LogRecorder Logs { get; private set; } = new();

    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("The bot has not started.");

    /// <summary>A migrated database and a host that has not started yet: the test arranges what a previous run left.</summary>
    public static async Task<ScheduledBot> CreateAsync(DateTimeOffset now)
    {
        var clock = new TestClock(autoAdvance: false);
        clock.Advance(now - clock.GetUtcNow());
        var bot = new ScheduledBot(await FakeBotApi.StartAsync(), clock, database: null, ownsApi: true);
        await bot.BuildAsync();
        return bot;
    }

    /// <summary>One node of a cluster: a host on a PostgreSQL database, a Bot API and a clock that other nodes share.</summary>
    public static async Task<ScheduledBot> CreateNodeAsync(string connectionString, FakeBotApi api, TestClock clock)
    {
        var bot = new ScheduledBot(api, clock, connectionString, ownsApi: false);
        await bot.BuildAsync();
        return bot;
    }

    /// <summary>Starts the host and waits, in real time, for its scheduler, which starts once the host has (and, on a
    /// cluster, has checked in).</summary>
    public async Task StartAsync()
    {
        await host!.StartAsync();
        started = true;
        var scheduler = await Get<ISchedulerFactory>().GetScheduler();
        var waiting = Stopwatch.StartNew();
        while (scheduler.Status != SchedulerStatus.Running)
        {
            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the scheduler starts with the host");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the host as a shutdown would, then builds a new one on the same database; call <see cref="StartAsync"/> next.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await BuildAsync();
    }

    public DigestDbContext Db() => Services.GetRequiredService<DigestDbContextFactory>().CreateDbContext();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Moves the clock to <paramref name="moment"/> and waits for the deliveries due by then to settle.</summary>
    public async Task RunUntilAsync(DateTimeOffset moment)
    {
        Clock.Advance(moment - Clock.GetUtcNow());
        await SettledAsync();
    }

    /// <summary>Waits, in real time, until no trigger is due or running: every digest due by now has been dealt with.</summary>
    public async Task SettledAsync()
    {
        var scheduler = await Get<ISchedulerFactory>().GetScheduler();
        var waiting = Stopwatch.StartNew();
        for (var quiet = 0; quiet < 3;)
        {
            waiting.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "digests are dealt with quickly");
            await Task.Delay(50);
            var busy = false;
            foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
            {
                var state = await scheduler.GetTriggerState(key);
                var trigger = await scheduler.GetTrigger(key);
                busy |= state is TriggerState.Blocked or TriggerState.Executing || trigger?.NextFireTimeUtc <= Clock.GetUtcNow();
            }

            quiet = busy ? 0 : quiet + 1;
        }
    }

    public IReadOnlyList<ReceivedRequest> SentTo(long chatId) =>
        [.. Api.RequestsFor("sendMessage").Where(r => r.Body["chat_id"]!.ToString() == chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>An article imported now (or at <paramref name="importedAt"/>), published then too.</summary>
    public async Task AddArticleAsync(string title, Language language = Language.En, DateTimeOffset? importedAt = null)
    {
        var at = importedAt ?? Clock.GetUtcNow();
        await using var db = Db();
        db.Articles.Add(new Article
        {
            Title = title,
            Body = $"{title}. The story in a few words, with enough of them to read as a lead.",
            Summary = $"{title}: what happened.",
            Language = language,
            Source = "example.kz",
            Url = $"https://example.kz/{Guid.NewGuid():N}",
            PublishedAt = at,
            ImportedAt = at,
            UpdatedAt = at,
            ContentHash = Guid.NewGuid().ToString("N"),
            WordCount = 14,
        });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (ownsApi)
        {
            await Api.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private async Task BuildAsync()
    {
        Logs = new LogRecorder();
        host = RunCommand.BuildHost(
            database,
            new Dictionary<string, string?>(storage)
            {
                ["Telegram:Token"] = FakeBotApi.Token,
                ["Telegram:ApiBaseUrl"] = Api.BaseUrl.ToString(),

                // The limiter paces sends on the test's clock, which only moves when the test says; these tests are about when
                // and what is sent, so the limits are set out of reach (the limiter has tests of its own).
                ["Telegram:RateLimits:GlobalPerSecond"] = "1000000",
                ["Telegram:RateLimits:PerChatPerSecond"] = "1000000",
                ["Telegram:RateLimits:PerGroupPerMinute"] = "1000000",
                ["Seeds:Path"] = folder.File("seeds"),
                ["Seeds:Watch"] = "false",
                ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
            },
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(Clock);
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(Logs);
            });
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    /// <summary>Stops the host as a shutdown would.</summary>
    public async Task StopAsync()
    {
        if (host is null)
        {
            return;
        }

        if (started)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StopAsync(stopping.Token);
        }

        host.Dispose();
        host = null;
        started = false;
    }
}
