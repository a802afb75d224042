using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace DigestBot.Web;

/// <summary>Healthy while the Quartz scheduler that sends the digests runs: started, not in standby, not shut down.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = scheduler.Status;
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"scheduler: {status.ToString().ToLowerInvariant()}");
    }
}
