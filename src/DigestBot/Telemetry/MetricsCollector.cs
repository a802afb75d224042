using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using DigestBot.Telegram;

namespace DigestBot.Telemetry;

/// <summary>Adds up the counters of this host's meter as they are recorded, for <c>/metrics</c>.</summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, Counted> _counters = new();

    /// <remarks>Taking the metrics classes here creates every counter at once, so each is listed before its first count.</remarks>
    public MetricsCollector(IMeterFactory meterFactory, TelegramMetrics telegram, BotMetrics bot)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        ArgumentNullException.ThrowIfNull(bot);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                // Another host in the same process (a test) has meters of the same name from its own factory.
                if (instrument.Meter.Name == TelegramMetrics.MeterName
                    && ReferenceEquals(instrument.Meter.Scope, meterFactory)
                    && instrument is Counter<long> or Counter<double>)
                {
                    listener.EnableMeasurementEvents(instrument, _counters.GetOrAdd(instrument, i => new Counted(i)));
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Counted)state!).Add(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Counted)state!).Add(value, tags));
        _listener.Start();
    }

    /// <summary>Every counter with its totals so far.</summary>
    public IReadOnlyList<CounterFamily> Collect() => [.. _counters.Values.Select(c => c.Snapshot())];

    public void Dispose() => _listener.Dispose();

    private sealed class Counted(Instrument instrument)
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        public void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new List<KeyValuePair<string, string>>(tags.Length);
            foreach (var tag in tags)
            {
                labels.Add(new(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
            }

            labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            var key = string.Join('\u0001', labels.Select(l => l.Key + '\u0002' + l.Value));
            _series.GetOrAdd(key, _ => new Series(labels)).Add(value);
        }

        public CounterFamily Snapshot() => new(
            instrument.Name,
            instrument.Description,
            [.. _series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value.Snapshot())]);
    }

    private sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        private readonly Lock _gate = new();
        private double _value;

        public void Add(double value)
        {
            lock (_gate)
            {
                _value += value;
            }
        }

        public CounterSample Snapshot()
        {
            lock (_gate)
            {
                return new CounterSample(labels, _value);
            }
        }
    }
}
