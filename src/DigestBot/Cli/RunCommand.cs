using System.CommandLine;
using DigestBot.Importing;
using DigestBot.Jobs;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.TelegramHost;
using DigestBot.Web;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary><c>digestbot run</c> (the default): migrate, import the seeds, then serve until stopped.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Migrate the database, import the seeds and start the bot (the default).");
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var host = BuildHost(parse.GetValue(GlobalOptions.Database));
        return await RunHostAsync(host, cancellationToken);
    }

    /// <summary>The bot's host: everything <c>run</c> starts, with optional settings on top of the configuration.</summary>
    /// <param name="configure">Changes before the host is built, such as another clock for tests.</param>
    public static WebApplication BuildHost(string? connectionString, IDictionary<string, string?>? settings = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = AppHost.CreateWebBuilder(connectionString, settings);
        var mode = TelegramServiceCollectionExtensions.ModeOf(builder.Configuration);
        builder.Services.AddWeb(builder.Configuration, mode);
        builder.Services.AddHostedService<SeedWatcher>();
        builder.Services.AddTelegram(mode);
        builder.Services.AddDigestJobs(builder.Configuration);
        builder.Services.AddSourcePolling();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapBotEndpoints();
        return app;
    }

    /// <summary>Checks the configuration, migrates, imports the seeds, then runs until cancelled.</summary>
    /// <returns>The exit code: 0 when stopped, 1 when a service failed and stopped the bot (its error is logged).</returns>
    public static async Task<int> RunHostAsync(IHost host, CancellationToken cancellationToken)
    {
        // Configuration mistakes stop the bot before it touches the database.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await host.Services.GetRequiredService<SeedSync>().SyncAsync(cancellationToken);
        await host.Services.GetRequiredService<SourceStore>().SyncCatalogAsync(cancellationToken);

        // A failed service (Telegram refused the webhook, say) stops the host as a signal would: a supervisor must tell
        // them apart. The services are looked at after the run, when the host has disposed of its container.
        var services = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A service that failed while the others were still starting cancelled their start.
        }

        return services.Any(service => service.ExecuteTask is { IsFaulted: true }) ? 1 : 0;
    }
}
