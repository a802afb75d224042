using DigestBot.Core.Articles;
using DigestBot.Localization;
using DigestBot.Telegram.Requests;
using DigestBot.Telegram.Types;

namespace DigestBot.Telegram;

/// <summary>Registers the command menu with localized descriptions: English by default, Russian and Kazakh by user language.</summary>
public sealed class BotCommands(IBotClient client, Texts texts, ILogger<BotCommands> logger)
{
    public static IReadOnlyList<string> Menu { get; } = ["latest", "search", "topic", "subscribe", "digest", "settings", "language", "help", "start"];

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(new SetMyCommandsRequest(Commands(Language.En)), cancellationToken);
            foreach (var language in new[] { Language.Ru, Language.Kk })
            {
                await client.SendAsync(new SetMyCommandsRequest(Commands(language)) { LanguageCode = language.ToCode() }, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is BotApiException or BotTransportException)
        {
            // A server without setMyCommands (a test server, an old proxy) leaves the menu empty; the bot still works.
            logger.LogWarning("Telegram: unable to register the command menu: {Message}", ex.Message);
        }
    }

    private List<BotCommand> Commands(Language language) =>
        [.. Menu.Select(c => new BotCommand(c, texts.Get(language, "Command_" + c)))];
}
