using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary><c>digestbot backup &lt;file&gt;</c>: a consistent copy of the SQLite store, taken while the bot runs.</summary>
public static class BackupCommand
{
    /// <summary>Exit code when the copy could not be made: the file exists, or SQLite refused.</summary>
    public const int FailedExitCode = 1;

    /// <summary>Exit code on an engine with tools of its own for this, such as PostgreSQL.</summary>
    public const int PostgresExitCode = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The new file to write the copy to; it must not exist." };
        var command = new Command("backup", "Copy the SQLite store to a new file while the bot runs (on PostgreSQL use pg_dump).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();
            var errors = parse.InvocationConfiguration.Error;
            var store = host.Services.GetRequiredService<DigestDbContextFactory>().Store;
            if (store.Backup() is not { } backup)
            {
                await errors.WriteLineAsync($"backup: {store.BackupElsewhere}.");
                return PostgresExitCode;
            }

            var target = Path.GetFullPath(parse.GetValue(file)!);
            if (File.Exists(target) || Directory.Exists(target))
            {
                await errors.WriteLineAsync($"backup: {target} already exists; name a new file (a backup never overwrites one).");
                return FailedExitCode;
            }

            return await Task.Run(() => Copy(backup, target, parse.InvocationConfiguration.Output, errors, cancellationToken), cancellationToken);
        });
        return command;
    }

    // The copy is written next to the target and renamed when complete: a file under the target's name is always whole.
    private static int Copy(IStoreBackup backup, string target, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var partial = $"{target}.partial";
        var clock = Stopwatch.StartNew();
        ProgressLine? progress = null;
        try
        {
            // Inside the handler: a folder the bot may not write is one line, not a stack trace.
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Delete(partial);
            var articles = backup.Copy(
                partial,
                (done, total) => (progress ??= new ProgressLine("backup (pages)", total, errors)).Report(done),
                cancellationToken);
            progress?.Finish();
            File.Move(partial, target);
            var size = new FileInfo(target).Length;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target}: {size / 1048576.0:0.0} MB, {articles} articles, {clock.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            progress?.Finish();
            errors.WriteLine($"backup: unable to copy {backup.Source} to {target}: {ex.Message.ReplaceLineEndings(" ")}");
            return FailedExitCode;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
