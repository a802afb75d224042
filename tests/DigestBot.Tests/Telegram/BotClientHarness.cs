using DigestBot.Telegram;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace DigestBot.Tests.Telegram;

/// <summary>The client and poller wired as the host wires them, against a <see cref="FakeBotApi"/>.</summary>
internal sealed class BotClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public BotClientHarness(
        FakeBotApi api,
        TimeProvider time,
        Action<BotClientOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBotClient(options =>
        {
            options.Token = FakeBotApi.Token;
            options.ApiBaseUrl = api.BaseUrl;
            configure?.Invoke(options);
        });
        services.AddUpdatePoller();
        configureServices?.Invoke(services);
        this.services = services.BuildServiceProvider();
    }

    public LogRecorder Logs { get; } = new();

    public ITelegramBotClient Client => services.GetRequiredService<ITelegramBotClient>();

    public UpdatePoller Poller => services.GetRequiredService<UpdatePoller>();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
