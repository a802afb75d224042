using DigestBot.Retention;
using DigestBot.Storage;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>Fires once a day and prunes the store (<see cref="StoreRetention"/>); on PostgreSQL one node of the cluster does it.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(StoreRetention retention, IHostApplicationLifetime lifetime, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("prune", "retention");

    /// <summary>Every day at 03:30 UTC, away from the morning digests of the bundled time zone.</summary>
    public const string Schedule = "0 30 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Each batch is a transaction of its own: a prune cut short by a stop goes on at the next firing.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await retention.PruneAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogInformation("Retention: the prune stopped with the bot; the rest is pruned at the next firing");
        }
    }
}
