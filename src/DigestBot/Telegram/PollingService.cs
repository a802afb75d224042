using DigestBot.Conversation;
using DigestBot.Telegram.Receiving;
using DigestBot.Telegram.Requests;

namespace DigestBot.Telegram;

/// <summary>Runs the bot by long polling: learns its name, registers its commands, then receives updates until stopped.</summary>
public sealed class PollingService(
    IBotClient client,
    BotIdentity identity,
    BotCommands commands,
    UpdatePoller poller,
    TimeProvider time,
    ILogger<PollingService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await IdentifyAsync(stoppingToken);
            logger.LogInformation("Telegram: running as @{Username}, receiving updates by long polling", identity.Username);

            // Registering the menu may take a few retries; answering users must not wait for it.
            var menu = commands.RegisterAsync(stoppingToken);
            await poller.RunAsync(stoppingToken);
            await menu;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Asks who the bot is until the Bot API answers: a network that is down at start must not stop the bot.</summary>
    private async Task IdentifyAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                var me = await client.SendAsync(new GetMeRequest(), stoppingToken);
                identity.Username = me.Username ?? identity.Username;
                identity.Id = me.Id;
                return;
            }
            catch (BotTransportException ex)
            {
                logger.LogWarning("Telegram: unable to reach the Bot API: {Message}; trying again in {Wait} s", ex.Message, wait.TotalSeconds);
            }

            await Task.Delay(wait, time, stoppingToken);
            wait = wait * 2 < MaxWait ? wait * 2 : MaxWait;
        }
    }
}
