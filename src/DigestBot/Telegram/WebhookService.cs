using DigestBot.Conversation;
using DigestBot.Telegram.Diagnostics;
using DigestBot.Telegram.Receiving;
using DigestBot.Telegram.Requests;
using Microsoft.Extensions.Options;

namespace DigestBot.Telegram;

/// <summary>
/// Runs the bot on a webhook: learns its name, registers its commands, asks Telegram to post updates to
/// <c>Telegram:WebhookUrl</c>, then handles what the endpoint accepted, one update at a time, until stopped.
/// </summary>
public sealed class WebhookService(
    BotStartup startup,
    BotIdentity identity,
    BotCommands commands,
    IBotClient client,
    WebhookQueue queue,
    IUpdateHandler handler,
    IUpdateOffsetStore offsetStore,
    TelegramMetrics metrics,
    IOptions<BotClientOptions> options,
    ILogger<WebhookService> logger) : BackgroundService
{
    // Cancelled only when the host gives up waiting at shutdown: what was accepted is handled before that.
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.IdentifyAsync(stoppingToken);
            var menu = commands.RegisterAsync(stoppingToken);
            await SetWebhookAsync(stoppingToken);
            logger.LogInformation("Telegram: running as @{Username}, receiving updates on a webhook", identity.Username);
            await HandleAcceptedAsync();
            await menu;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // New calls get 503 and are repeated by Telegram to the next start; those accepted are drained.
        queue.Close();
        await using var abort = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task SetWebhookAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var request = new SetWebhookRequest(settings.WebhookUrl!)
        {
            SecretToken = settings.WebhookSecret,
            AllowedUpdates = UpdatePoller.AllowedUpdates,
            MaxConnections = settings.MaxConnections,
        };
        try
        {
            await startup.RetryAsync(() => client.SendAsync(request, stoppingToken), "set the webhook", stoppingToken);
        }
        catch (BotApiException ex)
        {
            // Telegram refused the URL (not https, a port it does not call, a host it cannot resolve): nothing would arrive.
            logger.LogCritical("Telegram: unable to set the webhook to {Url}: {Description}", settings.WebhookUrl, ex.Description);
            throw;
        }
    }

    private async Task HandleAcceptedAsync()
    {
        var intake = new UpdateIntake("webhook", offsetStore, handler, metrics, logger);
        await foreach (var update in queue.Reader.ReadAllAsync(_abort.Token))
        {
            try
            {
                await intake.TakeAsync(update, _abort.Token);
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested)
            {
                // The database may be away for a moment; the updates behind this one still get their turn.
                logger.LogError(ex, "webhook: unable to record update {UpdateId}: {Reason}", update.UpdateId, ex.Message);
            }
        }
    }
}
