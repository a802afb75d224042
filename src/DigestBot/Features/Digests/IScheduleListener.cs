namespace DigestBot.Features.Digests;

/// <summary>Told after a subscription was created, changed or removed, so that whatever fires the digests follows the stored schedules.</summary>
public interface IScheduleListener
{
    /// <summary>Brings the timers in step with the subscriptions; reports its own failures rather than failing the change.</summary>
    Task SchedulesChangedAsync(CancellationToken cancellationToken);
}
