using System.Globalization;
using System.Text;

namespace DigestBot.Telemetry;

/// <summary>One counter as Prometheus shows it: its samples, one per set of labels.</summary>
public sealed record CounterFamily(string InstrumentName, string? Description, IReadOnlyList<CounterSample> Samples);

/// <summary>One labelled value of a counter.</summary>
public sealed record CounterSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);

/// <summary>Writes counters in the Prometheus text exposition format, version 0.0.4.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<CounterFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(f => MetricName(f.InstrumentName), StringComparer.Ordinal))
        {
            var name = MetricName(family.InstrumentName);
            if (!string.IsNullOrEmpty(family.Description))
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Description)).Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(" counter\n");
            foreach (var sample in family.Samples)
            {
                text.Append(name);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{');
                    text.AppendJoin(',', sample.Labels.Select(l => $"{LabelName(l.Key)}=\"{EscapeLabelValue(l.Value)}\""));
                    text.Append('}');
                }

                text.Append(' ').Append(FormatValue(sample.Value)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary><c>digestbot.updates.handled</c> becomes <c>digestbot_updates_handled_total</c>.</summary>
    public static string MetricName(string instrumentName)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        return name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total";
    }

    public static string LabelName(string key) => Sanitize(key, allowColon: false);

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    // Metric names match [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]*; anything else becomes an underscore.
    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var result = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            result.Append('_');
        }

        foreach (var c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        return result.ToString();
    }
}
