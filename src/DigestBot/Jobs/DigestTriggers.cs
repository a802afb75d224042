using DigestBot.Features.Digests;
using DigestBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>Keeps one Quartz trigger per slot (a distinct digest time and zone of the active subscriptions), and catches
/// up on digests missed while the bot was down.</summary>
public sealed class DigestTriggers(
    ISchedulerFactory schedulers,
    IDbContextFactory<DigestDbContext> dbFactory,
    IStorageProvider storage,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestTriggers> logger) : ISubscriptionsChangedHandler
{
    // The key of the advisory lock that the nodes take to change the schedules: a constant no other lock of the bot uses.
    private const long SyncLockKey = 0x4469_6765_7374_5363;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Adds the triggers of slots that gained a subscription, removes those of slots that lost their last,
    /// and replaces those stored otherwise than this version builds them.</summary>
    /// <remarks>On PostgreSQL the store is shared by every node; a change made through one node is in it for all.</remarks>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        // Two changes at once would each see the other's half-done diff.
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LockNodesAsync(db, cancellationToken);
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var wanted = await ActiveSlotsAsync(db, cancellationToken);
            var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DigestSlot.Group), cancellationToken);
            var stale = existing.Except(wanted.Select(s => s.JobKey)).ToList();
            if (stale.Count > 0)
            {
                await scheduler.DeleteJobs(stale, cancellationToken);
                logger.LogInformation("digests: removed the schedule(s) {Schedules}", string.Join(", ", stale.Select(k => k.Name)));
            }

            foreach (var slot in wanted)
            {
                // A trigger stored as wanted is left alone: replacing it would reset a firing that is due right now.
                if (existing.Contains(slot.JobKey) && IsCurrent(await scheduler.GetTrigger(slot.TriggerKey, cancellationToken), slot))
                {
                    continue;
                }

                await scheduler.ScheduleJob(Job(slot), Trigger(slot), ScheduleJobOptions.Replacing, cancellationToken);
                logger.LogInformation("digests: scheduled {Schedule}", slot);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task OnSubscriptionsChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change itself is stored; the triggers follow at the next change or start.
            logger.LogError(ex, "digests: unable to update the schedules: {Error}", ex.Message);
        }
    }

    /// <summary>
    /// For each slot, the last time it was due: chats that missed it are sent it once when that was at most
    /// <see cref="DigestOptions.CatchUpWindow"/> ago; an older miss is skipped, and the next digest covers its window.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var slot in await ActiveSlotsAsync(cancellationToken))
        {
            var due = slot.LastDueAt(now);
            var missed = await slot.DueSubscriptions(db, due).CountAsync(cancellationToken);
            if (missed == 0)
            {
                continue;
            }

            if (now - due > options.Value.CatchUpWindow)
            {
                logger.LogInformation(
                    "digests: the {Schedule} digest due at {Due} was not sent to {Chats} chat(s) and is older than Digest:CatchUpWindow ({CatchUpWindow}); skipped, the next one covers its window",
                    slot,
                    due,
                    missed,
                    options.Value.CatchUpWindow);
                continue;
            }

            logger.LogInformation("digests: catching up on the {Schedule} digest due at {Due} for {Chats} chat(s)", slot, due, missed);
            await scheduler.TriggerJob(slot.JobKey, new JobDataMap { [DigestJob.WindowEndKey] = due.ToString("O") }, cancellationToken);
        }
    }

    private async Task<List<DigestSlot>> ActiveSlotsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveSlotsAsync(db, cancellationToken);
    }

    private static async Task<List<DigestSlot>> ActiveSlotsAsync(DigestDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Subscriptions.Where(s => s.Active)
            .Select(s => new { s.Time, s.TimeZone })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DigestSlot(r.Time, r.TimeZone))];
    }

    /// <summary>
    /// On PostgreSQL, holds a lock shared by every node until the transaction ends: one node at a time reads the
    /// subscriptions and brings the store in line, so a node that found a time without subscribers cannot remove the
    /// trigger another node has just found wanted.
    /// </summary>
    private Task LockNodesAsync(DigestDbContext db, CancellationToken cancellationToken) =>
        storage.LockProcessesAsync(db, SyncLockKey, cancellationToken);

    private static bool IsCurrent(ITrigger? stored, DigestSlot slot) =>
        stored is ICronTrigger cron
        && cron.JobKey.Equals(slot.JobKey)
        && cron.CronExpressionString == slot.Cron
        && cron.TimeZone.Id == slot.Zone.Id
        && cron.MisfireInstruction == CronTriggerMisfireInstruction.IgnoreMisfires;

    // On a cluster, a firing whose node dies is fired again by another node: the chats it had not reached yet still get
    // the digest, and those it had are not sent it twice (their deliveries are recorded).
    private static IJobDetail Job(DigestSlot slot) => JobBuilder.Create<DigestJob>()
        .WithIdentity(slot.JobKey)
        .RequestRecovery()
        .UsingJobData(DigestJob.TimeKey, Core.Schedules.DigestTime.Format(slot.Time))
        .UsingJobData(DigestJob.TimeZoneKey, slot.TimeZone)
        .Build();

    // Misfires keep their scheduled time, so that a late firing still covers the window it was due for; the job itself
    // skips one later than the catch-up window.
    private ITrigger Trigger(DigestSlot slot) => TriggerBuilder.Create(time)
        .WithIdentity(slot.TriggerKey)
        .ForJob(slot.JobKey)
        .WithSchedule(CronScheduleBuilder.Create(slot.Cron).InTimeZone(slot.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.IgnoreMisfires))
        .Build();
}
