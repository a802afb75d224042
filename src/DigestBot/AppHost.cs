using DigestBot.Conversation;
using DigestBot.Features;
using DigestBot.Importing;
using DigestBot.Retention;
using DigestBot.Search;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Summaries;
using DigestBot.Telemetry;
using DigestBot.Topics;
using Microsoft.Extensions.Logging.Console;

namespace DigestBot;

/// <summary>Builds the host that every command runs in: configuration, logging and services.</summary>
public static class AppHost
{
    /// <summary>The plain host of the maintainers' verbs: no web server, nothing listening.</summary>
    /// <param name="connectionString">The <c>--db</c> override of <c>ConnectionStrings:Articles</c>, if given.</param>
    /// <param name="quiet">For commands whose output is data: logs go to stderr and only warnings show.</param>
    public static HostApplicationBuilder CreateBuilder(string? connectionString, bool quiet, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, connectionString, quiet, settings);
        return builder;
    }

    /// <summary>The bot's web host (Kestrel, minimal API) with the same configuration, logging and services.</summary>
    public static WebApplicationBuilder CreateWebBuilder(string? connectionString, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(AppHost).Assembly.GetName().Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, connectionString, quiet: false, settings);
        return builder;
    }

    private static void Configure(IHostApplicationBuilder builder, string? connectionString, bool quiet, IDictionary<string, string?>? settings)
    {
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (connectionString is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"ConnectionStrings:{StorageOptions.ConnectionStringName}", connectionString)]);
        }

        // The formatter (simple, json, systemd) comes from Logging:Console:FormatterName; only the stream is chosen here.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = quiet ? LogLevel.Trace : LogLevel.Warning);
        if (quiet)
        {
            // A provider rule outranks the configured category levels, so data on stdout stays clean.
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        Core.Localization.HumanizerLocales.Register();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddRetention();
        builder.Services.AddTopics();
        builder.Services.AddSummaries();
        builder.Services.AddImporting();
        builder.Services.AddConversation();
        builder.Services.AddFeatures();
        builder.Services.AddSearch();
        builder.Services.AddSources();
    }
}
