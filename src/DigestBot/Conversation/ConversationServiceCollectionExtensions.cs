using DigestBot.Core.Conversation;
using DigestBot.Features.Articles;
using DigestBot.Features.Channels;
using DigestBot.Features.Digests;
using DigestBot.Features.Help;
using DigestBot.Features.Latest;
using DigestBot.Features.Search;
using DigestBot.Features.Languages;
using DigestBot.Features.Settings;
using DigestBot.Features.Start;
using DigestBot.Features.Topics;
using DigestBot.Localization;
using DigestBot.Telegram;
using DigestBot.TelegramHost;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DigestBot.Conversation;

/// <summary>Registers the dispatcher and one handler per command: what the bot says, wherever it says it.</summary>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<Texts>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ChatDirectory>();
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<ArticleCards>();
        services.AddSingleton<SavedQueries>();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<DigestService>();

        // Admin checks ask the Bot API, whose client needs the token: it is made on first use, so the console and
        // the maintainers' verbs, which run without a token, still get every handler.
        services.AddBotClient(TelegramServiceCollectionExtensions.Section);
        services.AddSingleton(sp => new Lazy<ITelegramBotClient>(sp.GetRequiredService<ITelegramBotClient>));
        services.AddSingleton<ChatAdmins>();
        services.AddSingleton<IMembershipHandler, ChatMembershipHandler>();
        services.AddSingleton<IChatHandler, StartHandler>();
        services.AddSingleton<IChatHandler, HelpHandler>();
        services.AddSingleton<IChatHandler, LanguageHandler>();
        services.AddSingleton<IChatHandler, LatestHandler>();
        services.AddSingleton<IChatHandler, SearchHandler>();
        services.AddSingleton<IChatHandler, TopicHandler>();
        services.AddSingleton<IChatHandler, SubscribeHandler>();
        services.AddSingleton<IChatHandler, ScheduleTimeHandler>();
        services.AddSingleton<IChatHandler, SettingsHandler>();
        services.AddSingleton<IChatHandler, FilterHandler>();
        services.AddSingleton<IChatHandler, DigestHandler>();
        services.AddSingleton<IChatHandler, ScheduleHandler>();
        services.AddSingleton<IChatHandler, SchedulesHandler>();
        services.AddOptions<FloodOptions>().BindConfiguration(FloodOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FloodOptions>, FloodOptionsValidator>();
        services.AddSingleton(sp => new FloodLimiter(
            sp.GetRequiredService<IOptions<FloodOptions>>().Value.CommandsPerMinute, TimeSpan.FromMinutes(1), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Dispatcher>();
        return services;
    }
}
