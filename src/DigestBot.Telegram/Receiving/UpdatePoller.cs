using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Telegram;

/// <summary>Receives updates by long polling getUpdates and hands each one to the handler once; a batch's updates of
/// different chats are handled at the same time (<see cref="UpdateIntake"/>), and the next batch is asked for, confirming
/// this one, once all of it is handled.</summary>
public sealed partial class UpdatePoller(
    ITelegramBotClient client,
    IUpdateHandler handler,
    IUpdateOffsetStore offsetStore,
    IOptions<BotClientOptions> options,
    TimeProvider timeProvider,
    TelegramMetrics metrics,
    ILogger<UpdatePoller> logger)
{
    /// <summary>The update kinds the bot asks for; the rest are never sent to it.</summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } =
        [UpdateType.Message, UpdateType.EditedMessage, UpdateType.ChannelPost, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    // Some servers and emulators answer at once instead of holding the poll; this keeps such a loop from spinning.
    internal static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(1);

    internal static readonly TimeSpan FirstErrorDelay = TimeSpan.FromSeconds(1);

    internal static readonly TimeSpan LastErrorDelay = TimeSpan.FromSeconds(30);

    private const int BatchLimit = 100;

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, cancellationToken);

    /// <summary>
    /// Polls until <paramref name="stoppingToken"/> is cancelled, then returns once the update in hand is handled;
    /// <paramref name="abortToken"/> cuts that one short too.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken, CancellationToken abortToken)
    {
        try
        {
            await PollAsync(stoppingToken, abortToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken, CancellationToken abortToken)
    {
        var errorDelay = FirstErrorDelay;
        var webhookDeleted = false;
        var intake = new UpdateIntake("update poller", offsetStore, handler, metrics, logger, options.Value.UpdatesInFlight);
        var started = false;
        var pollTimeout = (int)options.Value.PollingTimeout.TotalSeconds;

        while (true)
        {
            try
            {
                // getUpdates is refused while a webhook is set.
                if (!webhookDeleted)
                {
                    await client.DeleteWebhook(cancellationToken: cancellationToken);
                    webhookDeleted = true;
                }

                var lastHandled = await intake.LastAsync(cancellationToken);
                if (!started)
                {
                    started = true;
                    LogStarted(logger, lastHandled);
                }

                var asked = timeProvider.GetTimestamp();
                var answer = await client.SendRequest(
                    new RawUpdatesRequest { Offset = lastHandled + 1, Limit = BatchLimit, Timeout = pollTimeout, AllowedUpdates = AllowedUpdates },
                    cancellationToken);
                errorDelay = FirstErrorDelay;

                var updates = answer.Select(UpdateJson.Read).OfType<IncomingUpdate>().OrderBy(update => update.Id).ToList();
                if (updates.Count == 0)
                {
                    // Nothing to take, not even elements without an update_id to move the offset past: wait before asking
                    // again rather than spin on the same answer.
                    var early = MinimumPollInterval - timeProvider.GetElapsedTime(asked);
                    if (early > TimeSpan.Zero)
                    {
                        await Task.Delay(early, timeProvider, cancellationToken);
                    }

                    continue;
                }

                try
                {
                    foreach (var update in updates)
                    {
                        // The rest of the batch is not confirmed, so the server hands it to the next start.
                        cancellationToken.ThrowIfCancellationRequested();

                        await intake.TakeAsync(update, abortToken);
                    }
                }
                finally
                {
                    // Those taken are answered, also when stopping.
                    await intake.DrainAsync();
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogPollFailed(logger, errorDelay.TotalSeconds, exception.Message, exception);
                await Task.Delay(errorDelay, timeProvider, cancellationToken);
                errorDelay = errorDelay * 2 < LastErrorDelay ? errorDelay * 2 : LastErrorDelay;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling for updates after update {LastUpdateId}")]
    private static partial void LogStarted(ILogger logger, long? lastUpdateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling for updates stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "update poller: unable to poll, trying again in {DelaySeconds} s: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, double delaySeconds, string reason, Exception exception);
}
