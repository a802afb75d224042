using Quartz;

namespace DigestBot.Sources;

/// <summary>Fires every minute and polls the sources that are due; each source keeps its own interval and backoff.</summary>
/// <remarks>One run at a time: a slow source must not have a second poll started beside it.</remarks>
[DisallowConcurrentExecution]
public sealed class SourcesJob(SourceStore store, SourcePoller poller, IHostApplicationLifetime lifetime, ILogger<SourcesJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll", "sources");

    /// <summary>Sources polled side by side; pages within one source have their own limit.</summary>
    public const int SourcesAtOnce = 4;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // The scheduler waits for its jobs at shutdown (the digests must finish); a poll need not: what it has not
        // stored yet is polled again at the next start.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        cancellationToken = stopping.Token;
        var due = await store.DueAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        List<SourcePollResult> results;
        try
        {
            results = await PollAllAsync(poller, due, null, cancellationToken);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogInformation("sources: the poll stopped with the bot; the sources not done are polled at the next start");
            return;
        }

        logger.LogInformation(
            "sources: polled {Count} source(s): {Added} new, {Updated} updated, {Failed} failed",
            results.Count, results.Sum(r => r.Added), results.Sum(r => r.Updated), results.Count(r => !r.Read));
    }

    /// <summary>Polls the given sources, a few at a time, reporting each result as it comes.</summary>
    public static async Task<List<SourcePollResult>> PollAllAsync(
        SourcePoller poller, IReadOnlyList<Storage.Source> sources, Action<SourcePollResult>? done, CancellationToken cancellationToken)
    {
        var results = new SourcePollResult[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SourcesAtOnce, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                results[i] = await poller.PollAsync(sources[i], token);
                done?.Invoke(results[i]);
            });
        return [.. results];
    }
}
