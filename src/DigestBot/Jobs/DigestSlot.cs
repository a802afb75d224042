using System.Globalization;
using DigestBot.Core.Schedules;
using DigestBot.Storage;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>A slot: a distinct digest time (a local time of day in a time zone) shared by every subscription set to it;
/// each has one Quartz job and trigger.</summary>
public sealed record DigestSlot(TimeOnly Time, string TimeZone)
{
    public const string Group = "digests";

    // A daily cron in the zone itself, so that the local time holds across daylight saving changes.
    public string Cron => string.Create(CultureInfo.InvariantCulture, $"0 {Time.Minute} {Time.Hour} * * ?");

    public JobKey JobKey => new(ToString(), Group);

    public TriggerKey TriggerKey => new(ToString(), Group);

    public TimeZoneInfo Zone => ScheduleZone.Resolve(TimeZone);

    /// <summary>Active subscriptions at this time that have not had the digest ending at <paramref name="windowEnd"/>.</summary>
    /// <remarks>A chat that subscribed after that time had not missed it.</remarks>
    public IQueryable<Subscription> DueSubscriptions(DigestDbContext db, DateTimeOffset windowEnd) =>
        db.Subscriptions.Where(s => s.Active
            && s.Time == Time
            && s.TimeZone == TimeZone
            && s.CreatedAt <= windowEnd
            && (s.LastWindowEnd == null || s.LastWindowEnd < windowEnd)
            && !db.Deliveries.Any(d => d.ChatId == s.ChatId && d.WindowEnd == windowEnd));

    /// <summary>The last time the digest was due at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LastDueAt(DateTimeOffset now)
    {
        var cron = new CronExpression(Cron, Zone);

        // Two days back always holds one firing, whatever a daylight saving change did to the day before.
        var due = now.AddDays(-2);
        while (cron.GetNextValidTimeAfter(due) is { } next && next <= now)
        {
            due = next;
        }

        return due.ToUniversalTime();
    }

    public override string ToString() => $"{DigestTime.Format(Time)} {TimeZone}";
}
