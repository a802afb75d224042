using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Cli;
using DigestBot.TelegramHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Infrastructure;

/// <summary>
/// The bot host as <c>digestbot run</c> starts it, against <see cref="FakeBotApi"/>, serving HTTP on a free loopback port:
/// by default in webhook mode, called the way Telegram calls it.
/// </summary>
internal sealed class WebBot : IAsyncDisposable
{
    public const string Secret = "s3cret_Token-1";
    public const string WebhookPath = "/telegram/hook";
    public const string WebhookUrl = "https://bot.example.org" + WebhookPath;

    private HostRun? run;

    private WebBot(FakeBotApi api, TempFolder folder, WebApplication host, LogRecorder logs)
    {
        Api = api;
        Folder = folder;
        Host = host;
        Logs = logs;
    }

    public FakeBotApi Api { get; }

    public TempFolder Folder { get; }

    public WebApplication Host { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every line the bot logged, at the levels the settings let through.</summary>
    public LogRecorder Logs { get; }

    /// <param name="settings">Settings on top of the webhook defaults; a null value removes a default.</param>
    public static async Task<WebBot> StartAsync(IDictionary<string, string?>? settings = null, FakeBotApi? api = null)
    {
        api ??= await FakeBotApi.StartAsync();
        var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("seeds"));
        var all = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = WebhookUrl,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:MaxConnections"] = "7",
            ["Urls"] = "http://127.0.0.1:0",
            ["Seeds:Path"] = folder.File("seeds"),
            ["Seeds:Watch"] = "false",
            ["Topics:CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new LogRecorder();
        var host = RunCommand.BuildHost(folder.File("bot.db"), all, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        });
        var bot = new WebBot(api, folder, host, logs);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);
        bot.run = new HostRun(host);
        await Task.WhenAny(started.Task, bot.run.Running).WaitAsync(TimeSpan.FromSeconds(60));
        if (bot.run.Running.IsCompleted)
        {
            // Stopped already (a failure at start): nothing listens any more.
            await bot.run.Running;
            return bot;
        }

        if (all["Urls"] is not null)
        {
            bot.Http.BaseAddress = new Uri(host.Urls.First());
        }

        // Quartz starts its scheduler once the host has started, a moment after the port opened.
        var scheduler = await host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (scheduler.Status != Quartz.SchedulerStatus.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return bot;
    }

    /// <summary>The exit code <c>run</c> would give, once the bot has stopped.</summary>
    public Task<int> Exited => run?.Running ?? throw new InvalidOperationException("the bot has not started");

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Posts <paramref name="update"/> to the webhook as Telegram does, with <paramref name="secret"/> in its header unless null.</summary>
    public Task<HttpResponseMessage> PostUpdateAsync(JsonNode update, string? secret = Secret) => PostAsync(update.ToJsonString(), secret);

    public async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Waits until the fake Bot API has received <paramref name="count"/> calls of <paramref name="method"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(string method, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Api.RequestsFor(method).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{method} was called {Api.RequestsFor(method).Count} time(s), not {count}:\n{string.Join('\n', Logs.Lines)}");
            }

            await Task.Delay(20);
        }

        return Api.RequestsFor(method);
    }

    /// <summary>Stops the host as SIGTERM does; <see cref="DisposeAsync"/> is still needed.</summary>
    /// <summary>
    /// Scrapes <c>/metrics</c> until it holds every line given, or 10 s have passed: an update is counted once its
    /// handler returns, a moment after the reply a test waits for has gone.
    /// </summary>
    public async Task<string> MetricsOnceTheyHoldAsync(params string[] lines)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = await Http.GetStringAsync("/metrics");
            if (lines.All(line => text.Contains(line, StringComparison.Ordinal)) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(20);
        }
    }

    public Task StopAsync() => run?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (run is not null)
        {
            await run.DisposeAsync();
        }

        Http.Dispose();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
