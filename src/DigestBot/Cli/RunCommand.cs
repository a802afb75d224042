using System.CommandLine;
using DigestBot.Importing;
using DigestBot.Jobs;
using DigestBot.Storage;
using DigestBot.Telegram;
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
        await RunHostAsync(host, cancellationToken);
        return 0;
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
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapBotEndpoints();
        return app;
    }

    /// <summary>Checks the configuration, migrates, imports the seeds, then runs until cancelled.</summary>
    public static async Task RunHostAsync(IHost host, CancellationToken cancellationToken)
    {
        // Configuration mistakes stop the bot before it touches the database.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await host.Services.GetRequiredService<SeedSync>().SyncAsync(cancellationToken);
        await host.RunAsync(cancellationToken);
    }
}
