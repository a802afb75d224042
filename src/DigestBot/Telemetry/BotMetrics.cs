using System.Diagnostics.Metrics;
using DigestBot.Telegram;

namespace DigestBot.Telemetry;

/// <summary>Counters of digests and imports, on the meter the whole bot shares (<see cref="TelegramMetrics.MeterName"/>).</summary>
public sealed class BotMetrics
{
    private readonly Counter<long> digestsDelivered;
    private readonly Counter<long> digestsFailed;
    private readonly Counter<long> articlesImported;
    private readonly Counter<long> sourceFetches;
    private readonly Counter<long> sourceBytes;
    private readonly Counter<long> sourceItems;

    public BotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TelegramMetrics.MeterName);
        digestsDelivered = meter.CreateCounter<long>("digestbot.digests.delivered", "{digest}", "Scheduled digests delivered to a chat.");
        digestsFailed = meter.CreateCounter<long>("digestbot.digests.failed", "{digest}", "Scheduled digests that could not be delivered, by reason (blocked, error).");
        articlesImported = meter.CreateCounter<long>("digestbot.articles.imported", "{article}", "Seed articles imported, by outcome (added, updated, unchanged, skipped).");
        sourceFetches = meter.CreateCounter<long>("digestbot.sources.fetches", "{fetch}", "Feed and page fetches, by outcome (ok, not_modified, failed).");
        sourceBytes = meter.CreateCounter<long>("digestbot.sources.bytes", "By", "Bytes of feeds and pages read, after decompression.");
        sourceItems = meter.CreateCounter<long>("digestbot.sources.items", "{article}", "Feed items stored, by outcome (added, updated).");
    }

    public void DigestDelivered() => digestsDelivered.Add(1);

    /// <param name="blocked">The chat blocked or removed the bot (403), as opposed to any other error.</param>
    public void DigestFailed(bool blocked) => digestsFailed.Add(1, new KeyValuePair<string, object?>("reason", blocked ? "blocked" : "error"));

    /// <param name="skipped">Files skipped whole and items dropped inside files.</param>
    public void ArticlesImported(int added, int updated, int unchanged, int skipped)
    {
        foreach (var (outcome, count) in new[] { ("added", added), ("updated", updated), ("unchanged", unchanged), ("skipped", skipped) })
        {
            if (count > 0)
            {
                articlesImported.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    public void SourceFetched(string outcome, long bytes)
    {
        sourceFetches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (bytes > 0)
        {
            sourceBytes.Add(bytes);
        }
    }

    public void SourceItemsStored(int added, int updated)
    {
        foreach (var (outcome, count) in new[] { ("added", added), ("updated", updated) })
        {
            if (count > 0)
            {
                sourceItems.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }
}
