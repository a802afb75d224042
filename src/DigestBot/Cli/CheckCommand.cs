using System.CommandLine;
using DigestBot.Search;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary>
/// <c>digestbot check [--repair]</c>: the database's own integrity check, then the search index against the articles (counts,
/// missing and left-over rows, a sample of rows); one line per finding and a summary. Exit code 0 when consistent, 5 when not;
/// <c>--repair</c> rebuilds the search index and checks again. A file too damaged to be checked at all stops with exit code 4.
/// </summary>
public static class CheckCommand
{
    public const int InconsistentExitCode = 5;

    public static Command Create()
    {
        var repair = new Option<bool>("--repair") { Description = "Rebuild the search index from the articles when it does not match them." };
        var sample = new Option<int>("--sample")
        {
            Description = "How many articles, picked at random, to compare with their index row.",
            DefaultValueFactory = _ => 100,
        };
        sample.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 100_000)
            {
                result.AddError("--sample must be between 0 and 100000.");
            }
        });

        var command = new Command(
            "check",
            "Check the store's integrity and its search index against the articles; exit code 0 when consistent, 5 when not.") { repair, sample };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true).Build();

            // Looked at as it is: the start-up steps would fill the index before it is compared.
            var writable = await host.Services.GetRequiredService<DatabaseMigrator>().OpenAsIsAsync(cancellationToken);
            var factory = host.Services.GetRequiredService<DigestDbContextFactory>();
            var output = parse.InvocationConfiguration.Output;
            await using var db = factory.CreateDbContext();

            var problems = await factory.Store.Provider.CheckIntegrityAsync(db, cancellationToken);
            if (problems.Count > 0)
            {
                // Rows read from a damaged file prove nothing, and writing to it may make it worse.
                await output.WriteLineAsync($"integrity: {problems.Count} problem(s), the first: {problems[0]}");
                await output.WriteLineAsync("check: the file is damaged, so the search index was not compared; restore the store from a backup.");
                return InconsistentExitCode;
            }

            var index = host.Services.GetRequiredService<ISearchIndexCheck>();
            var report = await index.CheckAsync(db, parse.GetValue(sample), cancellationToken);
            var state = "integrity ok";
            if (report.Findings.Count > 0 && parse.GetValue(repair))
            {
                if (!writable)
                {
                    throw new StorageUnavailableException(StorageFaults.ReadOnly(factory.StoreName));
                }

                foreach (var finding in report.Findings)
                {
                    await output.WriteLineAsync(finding);
                }

                await index.RebuildAsync(db, cancellationToken);
                report = await index.CheckAsync(db, parse.GetValue(sample), cancellationToken);
                state = "search index rebuilt";
            }

            foreach (var finding in report.Findings)
            {
                await output.WriteLineAsync(finding);
            }

            var counts = $"{report.Articles} article(s), {report.Rows} search index row(s), {report.Sampled} sampled";
            await output.WriteLineAsync(report.Findings.Count == 0
                ? $"check: {state}; {counts}: consistent."
                : $"check: {state}; {counts}: {report.Findings.Count} finding(s); digestbot check --repair rebuilds the search index.");
            return report.Findings.Count == 0 ? 0 : InconsistentExitCode;
        });
        return command;
    }
}
