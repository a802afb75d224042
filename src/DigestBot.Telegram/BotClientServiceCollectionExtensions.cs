using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DigestBot.Telegram;

/// <summary>Registers the Bot API client and, for long polling, the update poller.</summary>
public static class BotClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the Bot API client uses, to add handlers to it.</summary>
    public const string HttpClientName = "DigestBot.Telegram";

    /// <summary>Registers <see cref="ITelegramBotClient"/> with options bound from <paramref name="configSectionPath"/>, e.g. "Telegram".</summary>
    public static IServiceCollection AddBotClient(this IServiceCollection services, string configSectionPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configSectionPath);
        services.AddOptions<BotClientOptions>().BindConfiguration(configSectionPath);
        return services.AddBotClientCore(configSectionPath);
    }

    /// <summary>Registers <see cref="ITelegramBotClient"/> with options set in code.</summary>
    public static IServiceCollection AddBotClient(this IServiceCollection services, Action<BotClientOptions>? configure = null)
    {
        var options = services.AddOptions<BotClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.AddBotClientCore(nameof(BotClientOptions));
    }

    private static IServiceCollection AddBotClientCore(this IServiceCollection services, string settingPrefix)
    {
        services.AddOptions<BotClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotClientOptions>>(new BotClientOptionsValidator(settingPrefix)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TelegramMetrics>();
        // One limiter for the whole process: Telegram counts every message the bot sends, whichever code sends it.
        services.TryAddSingleton(provider => new SendRateLimiter(
            provider.GetRequiredService<IOptions<BotClientOptions>>().Value.RateLimits,
            provider.GetRequiredService<TimeProvider>()));

        // The client outlives the factory's handler rotation (the poller holds it for the app's lifetime),
        // so connections are recycled by the handler itself to pick up DNS changes.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The default request logging writes the URI, and with it the token; the client logs the method instead.
            .RemoveAllLoggers();
        services.TryAddSingleton<ITelegramBotClient>(provider => ActivatorUtilities.CreateInstance<PolicyBotClient>(
            provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));

        return services;
    }

    /// <summary>
    /// Registers <see cref="UpdatePoller"/> for a host that receives updates by long polling; the host registers
    /// <see cref="IUpdateHandler"/> and <see cref="IUpdateOffsetStore"/> as singletons that open their own scopes.
    /// </summary>
    public static IServiceCollection AddUpdatePoller(this IServiceCollection services)
    {
        services.TryAddSingleton<UpdatePoller>();
        return services;
    }
}
