using DigestBot.Conversation;
using DigestBot.Telegram;
using Microsoft.Extensions.Options;

namespace DigestBot.TelegramHost;

/// <summary>Registers what runs the bot on Telegram: replies, the command menu and the receiver of the configured mode (the client, section <c>Telegram</c>, comes with the conversation).</summary>
public static class TelegramServiceCollectionExtensions
{
    public const string Section = "Telegram";

    public static IServiceCollection AddTelegram(this IServiceCollection services, UpdateMode mode)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<TelegramReplies>();
        services.AddSingleton<IDeliverySink>(provider => provider.GetRequiredService<TelegramReplies>());
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
        new WebhookOptions { Mode = configuration[$"{Section}:{nameof(WebhookOptions.Mode)}"] ?? nameof(UpdateMode.Polling) }.ModeKind;
}
