using DigestBot.Conversation;
using DigestBot.Telegram.Receiving;

namespace DigestBot.Telegram;

/// <summary>Runs the bot by long polling: learns its name, registers its commands, then receives updates until stopped.</summary>
public sealed class PollingService(
    BotStartup startup,
    BotIdentity identity,
    BotCommands commands,
    UpdatePoller poller,
    ILogger<PollingService> logger) : BackgroundService
{
    // Cancelled only when the host gives up waiting at shutdown: the update in hand is answered before that.
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.IdentifyAsync(stoppingToken);
            logger.LogInformation("Telegram: running as @{Username}, receiving updates by long polling", identity.Username);

            // Registering the menu may take a few retries; answering users must not wait for it.
            var menu = commands.RegisterAsync(stoppingToken);
            await poller.RunAsync(stoppingToken, _abort.Token);
            await menu;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
