using DigestBot.Telemetry;

namespace DigestBot.Tests.Web;

/// <summary>Reads one counter's value from a host's collector, by its Prometheus name and labels.</summary>
internal static class CollectedMetrics
{
    /// <param name="labels">Label names and values in pairs, e.g. "outcome", "handled"; the sample must have exactly these.</param>
    public static double ValueOf(this MetricsCollector collector, string name, params string[] labels)
    {
        var wanted = labels.Chunk(2).Select(pair => new KeyValuePair<string, string>(pair[0], pair[1])).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var family = collector.Collect().SingleOrDefault(f => PrometheusText.MetricName(f.InstrumentName) == name);
        family.Should().NotBeNull($"{name} is one of the bot's counters");
        return family!.Samples.SingleOrDefault(s => s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).SequenceEqual(wanted))?.Value ?? 0;
    }
}
