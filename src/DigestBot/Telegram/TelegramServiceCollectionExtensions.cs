using DigestBot.Telegram.Receiving;

namespace DigestBot.Telegram;

/// <summary>Registers what runs the bot on Telegram: replies, the command menu and long polling (the client, section <c>Telegram</c>, comes with the conversation).</summary>
public static class TelegramServiceCollectionExtensions
{
    public const string Section = "Telegram";

    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        services.AddSingleton<TelegramReplies>();
        services.AddSingleton<BotCommands>();
        services.AddSingleton<IUpdateOffsetStore, DatabaseOffsetStore>();
        services.AddSingleton<IUpdateHandler, DispatchingUpdateHandler>();
        services.AddUpdatePoller();
        services.AddHostedService<PollingService>();
        return services;
    }
}
