using DigestBot.Sources;
using DigestBot.TelegramHost;
using DigestBot.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

/// <summary>Registers the bot's HTTP side: health checks, metrics, the optional OTLP export and graceful shutdown.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>The standard ASP.NET Core setting of the addresses Kestrel listens on.</summary>
    public const string UrlsKey = "Urls";

    public const string HealthPath = "/healthz";

    public const string MetricsPath = "/metrics";

    /// <summary>Paths the webhook must not take.</summary>
    public static IReadOnlyList<string> ReservedPaths { get; } = [HealthPath, MetricsPath];

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, UpdateMode mode)
    {
        // Exported first so that it stops last, after the receivers and jobs it counts.
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddMetricsExport(configuration);

        services.AddSingleton<IValidateOptions<WebhookOptions>, WebHostingValidator>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<SourcesHealthCheck>("sources");

        // A reply or digest in progress gets this long to finish at shutdown (Host:ShutdownTimeout).
        services.AddOptions<HostOptions>().Configure(options =>
            options.ShutdownTimeout = configuration.GetValue($"Host:{nameof(HostOptions.ShutdownTimeout)}", TimeSpan.FromSeconds(30)));

        if (mode == UpdateMode.Polling && string.IsNullOrWhiteSpace(configuration[UrlsKey]))
        {
            services.AddSingleton<IServer, NoServer>();
        }

        return services;
    }

    /// <summary>Maps <c>/healthz</c>, <c>/metrics</c> and, in webhook mode, the webhook.</summary>
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new() { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint(MetricsPath);

        // Read unchecked: a wrong URL is reported by the options check before anything listens.
        var webhookUrl = app.Configuration[$"{TelegramServiceCollectionExtensions.Section}:{nameof(WebhookOptions.WebhookUrl)}"];
        if (TelegramServiceCollectionExtensions.ModeOf(app.Configuration) == UpdateMode.Webhook && Uri.TryCreate(webhookUrl, UriKind.Absolute, out var url))
        {
            app.MapWebhook(url.AbsolutePath);
        }

        return app;
    }
}
