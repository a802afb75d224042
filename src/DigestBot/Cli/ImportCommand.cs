using System.CommandLine;
using DigestBot.Importing;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary><c>digestbot import &lt;path&gt;...</c>: imports seed files or folders once.</summary>
public static class ImportCommand
{
    /// <summary>Exit code when a file or an item was skipped; the rest was still imported.</summary>
    public const int SkippedExitCode = 3;

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Seed files or folders to import.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Import seed files or folders into the article store.") { paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            try
            {
                var report = await host.Services.GetRequiredService<ArticleImporter>()
                    .ImportAsync(parse.GetValue(paths) ?? [], cancellationToken);
                await ReportAsync(report, parse.InvocationConfiguration);
                return report.Clean ? 0 : SkippedExitCode;
            }
            catch (ImportStoppedException stopped)
            {
                // The summary of what was stored, then the one line (and exit code) of a storage failure.
                await ReportAsync(stopped.Report, parse.InvocationConfiguration);
                var store = host.Services.GetRequiredService<DigestDbContextFactory>().StoreName;
                throw new StorageUnavailableException(StorageFaults.Describe(stopped, store) ?? stopped.Message, stopped);
            }
        });
        return command;
    }

    private static async Task ReportAsync(ImportReport report, InvocationConfiguration console)
    {
        foreach (var file in report.Files)
        {
            if (file.Skipped)
            {
                await console.Error.WriteLineAsync($"{file.Path}: skipped: {file.SkipReason}");
            }

            foreach (var problem in file.Problems)
            {
                await console.Error.WriteLineAsync($"{file.Path}: {problem}");
            }
        }

        await console.Output.WriteLineAsync(
            $"{report.Files.Count} file(s): {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, " +
            $"{report.SkippedFiles} skipped, {report.Problems} item problem(s).");
    }
}
