using System.Diagnostics.Metrics;
using DigestBot.Telegram;

namespace DigestBot.Telemetry;

/// <summary>Counters of digests and imports, on the meter the whole bot shares (<see cref="TelegramMetrics.MeterName"/>).</summary>
public sealed class BotMetrics
{
    private readonly Counter<long> _digestsDelivered;
    private readonly Counter<long> _digestsFailed;
    private readonly Counter<long> _articlesImported;
    private readonly Counter<long> _sourceFetches;
    private readonly Counter<long> _sourceBytes;
    private readonly Counter<long> _sourceItems;

    public BotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TelegramMetrics.MeterName);
        _digestsDelivered = meter.CreateCounter<long>("digestbot.digests.delivered", "{digest}", "Scheduled digests delivered to a chat.");
        _digestsFailed = meter.CreateCounter<long>("digestbot.digests.failed", "{digest}", "Scheduled digests that could not be delivered, by reason (blocked, error).");
        _articlesImported = meter.CreateCounter<long>("digestbot.articles.imported", "{article}", "Seed articles imported, by outcome (added, updated, unchanged, skipped).");
        _sourceFetches = meter.CreateCounter<long>("digestbot.sources.fetches", "{fetch}", "Feed and page fetches, by outcome (ok, not_modified, failed).");
        _sourceBytes = meter.CreateCounter<long>("digestbot.sources.bytes", "By", "Bytes of feeds and pages read, after decompression.");
        _sourceItems = meter.CreateCounter<long>("digestbot.sources.items", "{article}", "Feed items stored, by outcome (added, updated).");
    }

    public void DigestDelivered() => _digestsDelivered.Add(1);

    /// <param name="blocked">The chat blocked or removed the bot (403), as opposed to any other error.</param>
    public void DigestFailed(bool blocked) => _digestsFailed.Add(1, new KeyValuePair<string, object?>("reason", blocked ? "blocked" : "error"));

    /// <param name="skipped">Files skipped whole and items dropped inside files.</param>
    public void ArticlesImported(int added, int updated, int unchanged, int skipped)
    {
        foreach (var (outcome, count) in new[] { ("added", added), ("updated", updated), ("unchanged", unchanged), ("skipped", skipped) })
        {
            if (count > 0)
            {
                _articlesImported.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    public void SourceFetched(string outcome, long bytes)
    {
        _sourceFetches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (bytes > 0)
        {
            _sourceBytes.Add(bytes);
        }
    }

    public void SourceItemsStored(int added, int updated)
    {
        foreach (var (outcome, count) in new[] { ("added", added), ("updated", updated) })
        {
            if (count > 0)
            {
                _sourceItems.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }
}
