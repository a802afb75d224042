using DigestBot.Conversation;
using DigestBot.Telegram;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace DigestBot.TelegramHost;

/// <summary>
/// Runs the bot on a webhook: learns its name, registers its commands, asks Telegram to post updates to
/// <c>Telegram:WebhookUrl</c>, then handles what the endpoint accepted until stopped: different chats' updates at the
/// same time, one chat's one at a time in order (<see cref="UpdateIntake"/>).
/// </summary>
public sealed class WebhookService(
    BotStartup startup,
    BotIdentity identity,
    BotCommands commands,
    ITelegramBotClient client,
    WebhookQueue queue,
    IUpdateHandler handler,
    IUpdateOffsetStore offsetStore,
    TelegramMetrics metrics,
    IOptions<WebhookOptions> options,
    IOptions<BotClientOptions> clientOptions,
    ILogger<WebhookService> logger) : ReceiverService(startup, identity, commands, logger)
{
    private readonly BotStartup startup = startup;

    protected override string ReceivingBy => "on a webhook";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // New calls get 503 and are repeated by Telegram to the next start; those accepted are drained.
        queue.Close();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task PrepareAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await startup.RetryAsync(
                () => client.SetWebhook(
                    settings.WebhookUrl!,
                    maxConnections: settings.MaxConnections,
                    allowedUpdates: UpdatePoller.AllowedUpdates,
                    secretToken: settings.WebhookSecret,
                    cancellationToken: stoppingToken),
                "set the webhook",
                stoppingToken);
        }
        catch (ApiRequestException ex)
        {
            // Telegram refused the URL (not https, a port it does not call, a host it cannot resolve): nothing would arrive.
            logger.LogCritical("Telegram: unable to set the webhook to {Url}: {Description}", settings.WebhookUrl, ex.Message);
            throw;
        }
    }

    protected override async Task ReceiveAsync(CancellationToken stoppingToken, CancellationToken abortToken)
    {
        var intake = new UpdateIntake("webhook", offsetStore, handler, metrics, logger, clientOptions.Value.UpdatesInFlight);
        try
        {
            await foreach (var update in queue.Reader.ReadAllAsync(abortToken))
            {
                try
                {
                    await intake.TakeAsync(update, abortToken);
                }
                catch (Exception ex) when (!abortToken.IsCancellationRequested)
                {
                    // The database may be away for a moment; the updates behind this one still get their turn.
                    logger.LogError(ex, "webhook: unable to take update {UpdateId}: {Reason}", update.Id, ex.Message);
                }
            }
        }
        finally
        {
            // Those accepted are answered before the bot stops.
            await intake.DrainAsync();
        }
    }
}
