using DigestBot.Conversation;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace DigestBot.TelegramHost;

/// <summary>What either receiver does before the first update: learn the bot's name, waiting for the Bot API if need be.</summary>
public sealed class BotStartup(ITelegramBotClient client, BotIdentity identity, TimeProvider time, ILogger<BotStartup> logger)
{
    internal static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    /// <summary>Asks who the bot is until the Bot API answers: a network that is down at start must not stop the bot.</summary>
    public async Task IdentifyAsync(CancellationToken stoppingToken) =>
        await RetryAsync(
            async () =>
            {
                var me = await client.GetMe(stoppingToken);
                identity.Username = me.Username ?? identity.Username;
                identity.Id = me.Id;
            },
            "reach the Bot API",
            stoppingToken);

    /// <summary>Runs <paramref name="call"/> until no transport error stops it, waiting longer after each.</summary>
    public async Task RetryAsync(Func<Task> call, string what, CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (RequestException ex) when (ex is not ApiRequestException)
            {
                logger.LogWarning("Telegram: unable to {What}: {Message}; trying again in {Wait} s", what, ex.Message, wait.TotalSeconds);
            }

            await Task.Delay(wait, time, stoppingToken);
            wait = wait * 2 < MaxWait ? wait * 2 : MaxWait;
        }
    }
}
