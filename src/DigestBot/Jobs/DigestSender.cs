using System.Diagnostics;
using DigestBot.Conversation;
using DigestBot.Core.Articles;
using DigestBot.Core.Digests;
using DigestBot.Features.Digests;
using DigestBot.Storage;
using DigestBot.Telemetry;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Exceptions;

namespace DigestBot.Jobs;

/// <summary>Sends one slot's digests for one window: each distinct digest is built once and goes to every chat that wants it.</summary>
public sealed class DigestSender(
    IDbContextFactory<DigestDbContext> dbFactory,
    DigestService digests,
    DeliveryLedger ledger,
    SubscriptionStore subscriptions,
    ChatDirectory chats,
    IDeliverySink replies,
    BotMetrics metrics,
    ILogger<DigestSender> logger)
{
    public async Task SendAsync(DigestSlot slot, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        await ledger.ResolveInterruptedAsync(cancellationToken);
        var recipients = await RecipientsAsync(slot, windowEnd, cancellationToken);
        foreach (var group in recipients.GroupBy(r => r.Key))
        {
            var first = group.First();
            IReadOnlyList<OutgoingMessage>? messages;
            try
            {
                var building = Stopwatch.StartNew();
                messages = await digests.BuildAsync(first.Preferences, first.Window, cancellationToken);
                logger.LogInformation(
                    "digests: built the {Schedule} digest for the window ending {WindowEnd} once for {Chats} chat(s) in {Elapsed} ms",
                    slot,
                    windowEnd,
                    group.Count(),
                    building.ElapsedMilliseconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "digests: unable to build the {Schedule} digest for {Chats} chat(s): {Error}", slot, group.Count(), ex.Message);
                continue;
            }

            // Nothing is sent and the window stays where it was, so the next digest looks at it again.
            if (messages is null)
            {
                continue;
            }

            foreach (var recipient in group)
            {
                try
                {
                    await DeliverAsync(recipient.ChatId, windowEnd, messages, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A delivery left in Sending is never repeated; the next start settles it as interrupted.
                    metrics.DigestFailed(blocked: false);
                    logger.LogError(ex, "digests: unable to deliver the digest to {ChatId}: {Error}", recipient.ChatId, ex.Message);
                }
            }
        }
    }

    private async Task<List<Recipient>> RecipientsAsync(DigestSlot slot, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await slot.DueSubscriptions(db, windowEnd)
            .AsNoTracking()
            .Join(db.Chats, s => s.ChatId, c => c.ChatId, (s, c) => new { Subscription = s, c.Language, c.AllLanguages })
            .ToListAsync(cancellationToken);
        return
        [
            .. due.Select(d =>
            {
                // No reader is at hand to ask, so the chat's language is its chosen one, else English as for any stranger.
                var preferences = digests.PreferencesFor(d.Subscription, d.Language ?? Language.En, d.AllLanguages);
                var window = DigestService.WindowFor(d.Subscription.TimeZone, d.Subscription.LastWindowEnd, windowEnd);
                return new Recipient(d.Subscription.ChatId, preferences, window, DigestKey.For(preferences, window));
            }),
        ];
    }

    /// <summary>Sends the digest to one chat at most once.</summary>
    private async Task DeliverAsync(long chatId, DateTimeOffset windowEnd, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        if (!await ledger.BeginAsync(chatId, windowEnd, cancellationToken))
        {
            return;
        }

        var sent = new List<int>();
        try
        {
            try
            {
                await SendPartsAsync(chatId, messages, sent, cancellationToken);
            }
            catch (ApiRequestException ex) when (ex.Parameters?.MigrateToChatId is { } newChatId && sent.Count == 0)
            {
                logger.LogInformation("digests: chat {ChatId} became supergroup {NewChatId}; its settings move there and the digest is sent again", chatId, newChatId);
                var windowFree = await ledger.MoveDeliveriesAsync(chatId, newChatId, windowEnd, cancellationToken);
                await chats.MoveAsync(chatId, newChatId, cancellationToken);
                if (!windowFree)
                {
                    return;
                }

                chatId = newChatId;
                await SendPartsAsync(chatId, messages, sent, cancellationToken);
            }

            await ledger.SentAsync(chatId, windowEnd, sent, cancellationToken);
            metrics.DigestDelivered();
            logger.LogInformation("digests: sent the digest for the window ending {WindowEnd} to {ChatId} in {Parts} message(s)", windowEnd, chatId, sent.Count);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            // Blocked, removed from the group or a deleted account: its digests pause until the chat subscribes again.
            await ledger.FailedAsync(chatId, windowEnd, sent, ex.Message, cancellationToken);
            await subscriptions.PauseAsync(chatId, cancellationToken);
            metrics.DigestFailed(blocked: true);
            logger.LogWarning("digests: unable to send the digest to {ChatId}: {Description}; its digests are paused", chatId, ex.Message);
        }
        catch (RequestException ex)
        {
            await ledger.FailedAsync(chatId, windowEnd, sent, ex.Message, cancellationToken);
            metrics.DigestFailed(blocked: false);
            logger.LogError("digests: unable to send the digest for the window ending {WindowEnd} to {ChatId}: {Error}", windowEnd, chatId, ex.Message);
        }
    }

    private async Task SendPartsAsync(long chatId, IReadOnlyList<OutgoingMessage> messages, List<int> sent, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await replies.SendAsync(chatId, message, sent, cancellationToken);
        }
    }

    private sealed record Recipient(long ChatId, DigestPreferences Preferences, DigestWindow Window, DigestKey Key);
}
