using DigestBot.Telegram.Receiving;

namespace DigestBot.Telegram;

/// <summary>Registers what runs the bot on Telegram: replies, the command menu and the receiver of the configured mode (the client, section <c>Telegram</c>, comes with the conversation).</summary>
public static class TelegramServiceCollectionExtensions
{
    public const string Section = "Telegram";

    public static IServiceCollection AddTelegram(this IServiceCollection services, UpdateMode mode)
    {
        services.AddSingleton<TelegramReplies>();
        services.AddSingleton<BotCommands>();
        services.AddSingleton<BotStartup>();
        services.AddSingleton<UpdateActivity>();
        services.AddSingleton<IUpdateOffsetStore, DatabaseOffsetStore>();
        services.AddSingleton<IUpdateHandler, DispatchingUpdateHandler>();
        if (mode == UpdateMode.Webhook)
        {
            services.AddSingleton<WebhookQueue>();
            services.AddHostedService<WebhookService>();
        }
        else
        {
            services.AddUpdatePoller();
            services.AddHostedService<PollingService>();
        }

        return services;
    }

    /// <summary>The mode the configuration asks for; a value that is neither is reported by the options check, so it falls back to polling here.</summary>
    public static UpdateMode ModeOf(IConfiguration configuration) =>
        new BotClientOptions { Mode = configuration[$"{Section}:{nameof(BotClientOptions.Mode)}"] ?? nameof(UpdateMode.Polling) }.ModeKind;
}
