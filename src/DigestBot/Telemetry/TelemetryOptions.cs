using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace DigestBot.Telemetry;

/// <summary>Where the bot's counters are pushed besides <c>/metrics</c> (section <c>Telemetry</c>); nothing is pushed unless an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OpenTelemetry collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318/v1/metrics</c> (HTTP).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (the default) or <c>HttpProtobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = nameof(OtlpExportProtocol.Grpc);

    /// <summary>The collector's address, or null when none is set or it is no absolute http or https URL.</summary>
    public Uri? OtlpUri =>
        Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    public OtlpExportProtocol ProtocolKind =>
        Enum.GetValues<OtlpExportProtocol>().FirstOrDefault(p => string.Equals(p.ToString(), OtlpProtocol, StringComparison.OrdinalIgnoreCase));
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) && options.OtlpUri is null)
        {
            failures.Add($"Telemetry:OtlpEndpoint (env Telemetry__OtlpEndpoint) must be an absolute http or https URL, such as http://otel-collector:4317, not '{options.OtlpEndpoint}'");
        }

        if (!Enum.GetNames<OtlpExportProtocol>().Contains(options.OtlpProtocol, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Telemetry:OtlpProtocol (env Telemetry__OtlpProtocol) must be Grpc or HttpProtobuf, not '{options.OtlpProtocol}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
