using DigestBot.Conversation;
using DigestBot.Telegram;
using DigestBot.TelegramHost;
using Telegram.Bot;

namespace DigestBot.Features.Channels;

/// <summary>Digests of groups and channels, set by their admins: /schedule and /unschedule in the group menu, /schedules in
/// the private one, and the bot's own membership, which pauses and resumes them.</summary>
public sealed class ChannelsFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        // Admin checks ask the Bot API, whose client needs the token: it is made on first use, so the console and the
        // maintainers' verbs, which run without a token, still get every handler.
        services.AddBotClient(TelegramServiceCollectionExtensions.Section);
        services.AddSingleton(sp => new Lazy<ITelegramBotClient>(sp.GetRequiredService<ITelegramBotClient>));
        services.AddSingleton<ChatAdmins>();
        services.AddSingleton<IMembershipHandler, ChatMembershipHandler>();
        services.AddChatHandler<ManagedDigestHandler>(
        [
            new ChatCommand("schedule") { Menus = CommandMenus.Groups, HasHelpLine = true, Position = 55 },
            new ChatCommand("unschedule") { Menus = CommandMenus.Groups, Position = 56 },
        ]);
        services.AddChatHandler<ManagedDigestListHandler>([new ChatCommand("schedules") { Menus = CommandMenus.Private, Position = 70 }]);
    }
}
