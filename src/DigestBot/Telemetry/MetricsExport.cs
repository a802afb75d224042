using System.Diagnostics.Metrics;
using DigestBot.Telegram;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DigestBot.Telemetry;

/// <summary>The OpenTelemetry metrics of the bot: a Prometheus exporter for <c>/metrics</c>, and OTLP push when an endpoint is set.</summary>
public static class MetricsExport
{
    /// <summary>The <c>service.name</c> of the bot's metrics, in <c>target_info</c> and in what OTLP pushes.</summary>
    public const string ServiceName = "digestbot";

    /// <summary>Counts from the moment the host starts (its options check starts the listener), not from the first scrape.</summary>
    /// <remarks>Called before the receivers and jobs are added, so that the flush at stop comes after the last of their counts.</remarks>
    public static IServiceCollection AddMetricsExport(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        // Only this host's meter: another host in the same process (a test) has a meter of the same name from its own factory.
        // The meter is enabled here rather than with AddMeter, which would listen to every meter of that name.
        services.AddMetrics(metrics => metrics.EnableMetrics(TelegramMetrics.MeterName, instrumentName: null, listenerName: "OpenTelemetry", MeterScope.Local));
        services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, read again after the name, still win.
            .ConfigureResource(resource => resource.AddService(ServiceName, autoGenerateServiceInstanceId: false).AddEnvironmentVariableDetector())
            .WithMetrics(metrics => AddExporters(metrics, telemetry));

        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            services.AddHostedService<OtlpExport>();
        }

        return services;
    }

    private static void AddExporters(MeterProviderBuilder metrics, TelemetryOptions telemetry)
    {
        metrics.AddPrometheusExporter(prometheus =>
        {
            // Each scrape sees the counts of that moment, and samples carry only their own labels, no otel_scope_name.
            // target_info stays: before the first count it is the only line, and without it the exporter answers an
            // empty body with no Content-Type, which Prometheus 3 takes for a failed scrape.
            prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
            prometheus.ScopeInfoEnabled = false;
        });

        // A wrong endpoint is reported by the options check before anything starts.
        if (telemetry.OtlpUri is { } endpoint)
        {
            metrics.AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = endpoint;
                exporter.Protocol = telemetry.ProtocolKind;
            });
        }
    }
}
