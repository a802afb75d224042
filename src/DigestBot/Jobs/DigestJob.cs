using System.Globalization;
using DigestBot.Core.Schedules;
using DigestBot.Features.Digests;
using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>Fires at one digest time and zone and sends that slot's due digests.</summary>
/// <remarks>One run per slot at a time: a catch-up and the regular firing never send side by side.</remarks>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestSender sender, TimeProvider time, IOptions<DigestOptions> options, ILogger<DigestJob> logger) : IJob
{
    public const string TimeKey = "Time";
    public const string TimeZoneKey = "TimeZone";
    public const string WindowEndKey = "WindowEnd";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        DigestTime.TryParse(data.GetString(TimeKey), out var localTime);
        var slot = new DigestSlot(localTime, data.GetString(TimeZoneKey) ?? "UTC");

        // A catch-up names the time it stands for; a regular firing covers up to its scheduled time, even when it runs late;
        // a firing taken over from a node that died carries the time of the firing it stands for.
        var windowEnd = (data.GetString(WindowEndKey) is { } missed
            ? DateTimeOffset.Parse(missed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : context.Recovering && data.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { } original
                ? DateTimeOffset.Parse(original, CultureInfo.InvariantCulture)
                : context.ScheduledFireTimeUtc ?? time.GetUtcNow()).ToUniversalTime();
        var late = time.GetUtcNow() - windowEnd;
        if (late > options.Value.CatchUpWindow)
        {
            logger.LogInformation("digests: the {Schedule} digest due at {Due} fired {Late} late, more than Digest:CatchUpWindow; skipped", slot, windowEnd, late);
            return;
        }

        await sender.SendAsync(slot, windowEnd, cancellationToken);
    }
}
