using System.CommandLine;
using DigestBot.Importing;
using DigestBot.Storage;
using DigestBot.Telegram;

namespace DigestBot.Cli;

/// <summary><c>digestbot run</c> (the default): migrate, import the seeds, then serve until stopped.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Migrate the database, import the seeds and start the bot (the default).");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: false);
        builder.Services.AddHostedService<SeedWatcher>();
        builder.Services.AddTelegram();
        using var host = builder.Build();

        // Configuration mistakes stop the bot before it touches the database.
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await host.Services.GetRequiredService<SeedSync>().SyncAsync(cancellationToken);
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
