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
    ILogger<PollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var me = await client.SendAsync(new GetMeRequest(), stoppingToken);
            identity.Username = me.Username ?? identity.Username;
            identity.Id = me.Id;
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
}
