using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace DigestBot.Telemetry;

/// <summary>Sends the last counts to the OpenTelemetry collector when the bot stops; the meter provider pushes the rest while it runs.</summary>
public sealed class OtlpExport(MeterProvider provider, IOptions<TelemetryOptions> options, ILogger<OtlpExport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        logger.LogInformation("Telemetry: exporting metrics to {Endpoint} over {Protocol}", settings.OtlpUri, settings.ProtocolKind);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Registered before the receivers and jobs, this stops after them: what they counted last goes out now, not a
        // whole export interval later. The result is not looked at: the Prometheus reader, collected only by a scrape,
        // always declines a flush.
        provider.ForceFlush();
        return Task.CompletedTask;
    }
}
