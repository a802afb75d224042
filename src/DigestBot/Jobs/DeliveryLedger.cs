using DigestBot.Conversation;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>The Deliveries table: claims a chat's window before sending, records how it went, settles sends that a stopped
/// process left half done and follows a chat that moved to a new id.</summary>
public sealed class DeliveryLedger(IDbContextFactory<DigestDbContext> dbFactory, ISchedulerFactory schedulers, TimeProvider time, ILogger<DeliveryLedger> logger)
{
    /// <summary>When this process began: a delivery of this node still sending from before then was cut off by a restart
    /// under the same node id.</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>Records the delivery as <see cref="DeliveryState.Sending"/> by this node; false when the chat's window
    /// already has one.</summary>
    public async Task<bool> BeginAsync(long chatId, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var node = await NodeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Deliveries.Add(new Delivery { ChatId = chatId, WindowEnd = windowEnd, State = DeliveryState.Sending, Node = node, StartedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique key refused it: the window is taken. Anything else is a real failure.
            if (await ExistsAsync(chatId, windowEnd, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Completes the delivery and moves the chat's window on: the next digest covers what came after this one.</summary>
    public async Task SentAsync(long chatId, DateTimeOffset windowEnd, IReadOnlyCollection<int> messageIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.Deliveries.SingleAsync(d => d.ChatId == chatId && d.WindowEnd == windowEnd, cancellationToken);
        delivery.State = DeliveryState.Sent;
        delivery.MessageIds = string.Join(' ', messageIds);
        delivery.FinishedAt = time.GetUtcNow();
        await AdvanceWindowAsync(db, chatId, windowEnd, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks the delivery failed; the window stays, so the next digest covers it.</summary>
    public async Task FailedAsync(long chatId, DateTimeOffset windowEnd, IReadOnlyCollection<int> messageIds, string error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.Deliveries.SingleAsync(d => d.ChatId == chatId && d.WindowEnd == windowEnd, cancellationToken);
        delivery.State = DeliveryState.Failed;
        delivery.MessageIds = string.Join(' ', messageIds);
        delivery.Error = error.Length > 500 ? error[..500] : error;
        delivery.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Settles deliveries left in <see cref="DeliveryState.Sending"/> by a process that stopped between sending and
    /// recording: they become <see cref="DeliveryState.Interrupted"/> and are not sent again, because Telegram cannot tell
    /// whether the message arrived and a duplicate is worse than a gap the log explains. Their windows move on.
    /// </summary>
    /// <remarks>
    /// Other nodes of a cluster may be sending right now, so only the deliveries of nodes the cluster has written off are
    /// settled, and this node's own from before it started again under the same id. Quartz drops a node that stopped
    /// checking in from its table at the first check-in of another past the check-in interval and threshold; a node that
    /// merely looks late is still counted, because settling a send in progress would lose its outcome.
    /// </remarks>
    public async Task<int> ResolveInterruptedAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var node = scheduler.SchedulerInstanceId;
        var running = (await scheduler.QueryClusterNodes(cancellationToken)).Select(n => n.InstanceId).ToList();
        var startedAt = StartedAt;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.Deliveries
            .Where(d => d.State == DeliveryState.Sending && (!running.Contains(d.Node) || (d.Node == node && d.StartedAt < startedAt)))
            .ToListAsync(cancellationToken);
        foreach (var delivery in interrupted)
        {
            delivery.State = DeliveryState.Interrupted;
            delivery.Error = "interrupted: the process sending it stopped";
            delivery.FinishedAt = time.GetUtcNow();
            await AdvanceWindowAsync(db, delivery.ChatId, delivery.WindowEnd, cancellationToken);
            logger.LogWarning(
                "digests: delivery to {ChatId} for the window ending {WindowEnd} was interrupted when the process sending it stopped; not sent again to avoid a duplicate",
                delivery.ChatId,
                delivery.WindowEnd);
        }

        await db.SaveChangesAsync(cancellationToken);
        return interrupted.Count;
    }

    /// <summary>
    /// Moves a chat's deliveries to the new id it got as a supergroup; where the new chat already has one for a window,
    /// that one is kept. False when it has one for <paramref name="windowEnd"/>, which then must not be sent again.
    /// </summary>
    /// <remarks>The chat's settings and subscription follow through <see cref="ChatDirectory.MoveAsync"/>, called after
    /// this: a move cut short between the two is made again at the next digest, which Telegram refuses for the old id.</remarks>
    public async Task<bool> MoveDeliveriesAsync(long from, long to, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = db.Deliveries.Where(d => d.ChatId == to).Select(d => d.WindowEnd);
        var windowTaken = await taken.ContainsAsync(windowEnd, cancellationToken);
        await db.Deliveries.Where(d => d.ChatId == from && taken.Contains(d.WindowEnd)).ExecuteDeleteAsync(cancellationToken);
        await db.Deliveries.Where(d => d.ChatId == from).ExecuteUpdateAsync(s => s.SetProperty(d => d.ChatId, to), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return !windowTaken;
    }

    private static async Task AdvanceWindowAsync(DigestDbContext db, long chatId, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.ChatId == chatId, cancellationToken);
        if (subscription is not null && (subscription.LastWindowEnd is null || subscription.LastWindowEnd < windowEnd))
        {
            subscription.LastWindowEnd = windowEnd;
        }
    }

    private async Task<string> NodeAsync(CancellationToken cancellationToken) =>
        (await schedulers.GetScheduler(cancellationToken)).SchedulerInstanceId;

    private async Task<bool> ExistsAsync(long chatId, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Deliveries.AnyAsync(d => d.ChatId == chatId && d.WindowEnd == windowEnd, cancellationToken);
    }
}
