using DigestBot.Core.Articles;
using DigestBot.Localization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DigestBot.TelegramHost;

/// <summary>Registers the command menus, one for private chats and one for groups, with localized descriptions:
/// English by default, Russian and Kazakh by user language.</summary>
public sealed class BotCommands(ITelegramBotClient client, Texts texts, ILogger<BotCommands> logger)
{
    public static IReadOnlyList<string> PrivateMenu { get; } =
        ["latest", "search", "topic", "subscribe", "digest", "settings", "schedules", "language", "help", "start"];

    /// <summary>In groups the digest is the admins' to set; subscribing is for private chats.</summary>
    public static IReadOnlyList<string> GroupMenu { get; } = ["latest", "search", "topic", "digest", "schedule", "unschedule", "language", "help"];

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (menu, scope) in new (IReadOnlyList<string>, BotCommandScope)[] { (PrivateMenu, BotCommandScope.AllPrivateChats()), (GroupMenu, BotCommandScope.AllGroupChats()) })
            {
                foreach (var language in LanguageCodes.All)
                {
                    // English doubles as the default for users whose language has no list of its own.
                    var code = language == Language.En ? null : language.ToCode();
                    await client.SetMyCommands(Commands(menu, language), scope, code, cancellationToken);
                }
            }
        }
        catch (RequestException ex)
        {
            // A server without setMyCommands (a test server, an old proxy) leaves the menu empty; the bot still works.
            logger.LogWarning("Telegram: unable to register the command menu: {Message}", ex.Message);
        }
    }

    private List<BotCommand> Commands(IReadOnlyList<string> menu, Language language) =>
        [.. menu.Select(c => new BotCommand { Command = c, Description = texts.Get(language, "Command_" + c) })];
}
