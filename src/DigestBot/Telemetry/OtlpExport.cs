using DigestBot.Telegram;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace DigestBot.Telemetry;

/// <summary>Pushes the bot's counters to an OpenTelemetry collector while the host runs; the last counts go out at stop.</summary>
public sealed class OtlpExport(IOptions<TelemetryOptions> options, ILogger<OtlpExport> logger) : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = new Uri(settings.OtlpEndpoint!);
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(TelegramMetrics.MeterName)
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = endpoint;
                exporter.Protocol = settings.ProtocolKind;
            })
            .Build();
        logger.LogInformation("Telemetry: exporting metrics to {Endpoint} over {Protocol}", endpoint, settings.ProtocolKind);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Disposing flushes what was counted since the last export.
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _provider = null;
    }
}
