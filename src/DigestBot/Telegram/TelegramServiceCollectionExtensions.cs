using DigestBot.Telegram.Receiving;

namespace DigestBot.Telegram;

/// <summary>Registers what talks to Telegram: the client (section <c>Telegram</c>), replies and long polling.</summary>
public static class TelegramServiceCollectionExtensions
{
    public const string Section = "Telegram";

    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        services.AddBotClient(Section);
        services.AddSingleton<TelegramReplies>();
        services.AddSingleton<BotCommands>();
        services.AddSingleton<IUpdateOffsetStore, DatabaseOffsetStore>();
        services.AddSingleton<IUpdateHandler, DispatchingUpdateHandler>();
        services.AddUpdatePoller();
        services.AddHostedService<PollingService>();
        return services;
    }
}
