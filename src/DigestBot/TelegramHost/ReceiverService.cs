using DigestBot.Conversation;

namespace DigestBot.TelegramHost;

/// <summary>
/// What both receivers do: learn the bot's name, register its commands without making users wait for that, then
/// receive updates until stopped; the update in hand (or, for the webhook, those accepted) is answered before the host
/// gives up waiting at shutdown.
/// </summary>
public abstract class ReceiverService(BotStartup startup, BotIdentity identity, BotCommands commands, ILogger logger) : BackgroundService
{
    // Cancelled only when the host gives up waiting at shutdown.
    private readonly CancellationTokenSource abort = new();

    /// <summary>How the start-up line names the way updates arrive, such as "by long polling".</summary>
    protected abstract string ReceivingBy { get; }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(this.abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Gets ready to receive (a webhook is set here), before the start-up line is logged.</summary>
    protected virtual Task PrepareAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Receives until <paramref name="stoppingToken"/> is cancelled; <paramref name="abortToken"/> cuts the update in hand short.</summary>
    protected abstract Task ReceiveAsync(CancellationToken stoppingToken, CancellationToken abortToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.IdentifyAsync(stoppingToken);

            // Registering the menu may take a few retries; answering users must not wait for it.
            var menu = commands.RegisterAsync(stoppingToken);
            await PrepareAsync(stoppingToken);
            logger.LogInformation("Telegram: running as @{Username}, receiving updates {ReceivingBy}", identity.Username, ReceivingBy);
            await ReceiveAsync(stoppingToken, abort.Token);
            await menu;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
