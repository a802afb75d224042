using DigestBot.Conversation;
using DigestBot.Telegram;

namespace DigestBot.TelegramHost;

/// <summary>Runs the bot by long polling: learns its name, registers its commands, then receives updates until stopped.</summary>
public sealed class PollingService(
    BotStartup startup,
    BotIdentity identity,
    BotCommands commands,
    UpdatePoller poller,
    ILogger<PollingService> logger) : ReceiverService(startup, identity, commands, logger)
{
    protected override string ReceivingBy => "by long polling";

    protected override Task ReceiveAsync(CancellationToken stoppingToken, CancellationToken abortToken) =>
        poller.RunAsync(stoppingToken, abortToken);
}
