using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Localization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DigestBot.TelegramHost;

/// <summary>Registers the command menus the features declared, one for private chats and one for groups, with localized
/// descriptions: English by default, Russian and Kazakh by user language.</summary>
public sealed class BotCommands(ITelegramBotClient client, CommandRegistry registry, Texts texts, ILogger<BotCommands> logger)
{

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (menu, scope) in new (CommandMenus, BotCommandScope)[] { (CommandMenus.Private, BotCommandScope.AllPrivateChats()), (CommandMenus.Groups, BotCommandScope.AllGroupChats()) })
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

    private List<BotCommand> Commands(CommandMenus menu, Language language) =>
        [.. registry.Menu(menu).Select(c => new BotCommand { Command = c.Name, Description = texts.Get(language, c.DescriptionKey) })];
}
