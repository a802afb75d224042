using System.CommandLine;
using DigestBot.Importing;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary><c>digestbot import &lt;path&gt;...</c>: imports seed files or folders once.</summary>
public static class ImportCommand
{
    /// <summary>Exit code when a file or an item was skipped; the rest was still imported.</summary>
    public const int SkippedExitCode = 3;

    /// <summary>Exit code when SIGINT or SIGTERM stopped the import: what the summary counts is stored, the rest is not.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>How long SIGINT or SIGTERM waits for the batch being stored and the summary; past it the command line ends
    /// the process with 130 or 143 and nothing printed, as it does for the other verbs after its default two seconds.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    public const string Name = "import";

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Seed files or folders to import.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(Name, "Import seed files or folders into the article store.") { paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            try
            {
                var report = await host.Services.GetRequiredService<ArticleImporter>()
                    .ImportAsync(parse.GetValue(paths) ?? [], cancellationToken);
                await ReportAsync(report, parse.InvocationConfiguration);
                if (report.Interrupted)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(
                        "import: interrupted; what is counted above is stored, import the same paths again for the rest.");
                    return InterruptedExitCode;
                }

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
