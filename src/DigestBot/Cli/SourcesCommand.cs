using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DigestBot.Core.Articles;
using DigestBot.Sources;
using DigestBot.Storage;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary><c>digestbot sources add|list|remove|poll</c>: the news feeds the bot polls by itself.</summary>
public static class SourcesCommand
{
    /// <summary>Exit code of <c>sources poll</c> when a source could not be read; the others were still polled.</summary>
    public const int FailedExitCode = 3;

    /// <summary>Exit code for an address, interval or source the verb cannot take.</summary>
    public const int RefusedExitCode = 1;

    public static Command Create() => new("sources", "Manage and poll the news feeds (RSS, Atom, JSON Feed) the bot fills its store from.")
    {
        Add(),
        List(),
        Remove(),
        Poll(),
    };

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "The feed's address (http or https)." };
        var name = new Option<string?>("--name") { Description = "A name to show in the list." };
        var interval = new Option<string?>("--interval") { Description = "How often to poll it, e.g. 00:15:00 (1 minute to 1 day); default Sources:PollInterval." };
        var language = new Option<string?>("--lang") { Description = "The language of its articles: ru, kk or en; default: detected per article." };
        language.AcceptOnlyFromAmong("ru", "kk", "en");
        var topics = new Option<string?>("--topics") { Description = "Topic ids every article of the source gets, comma-separated." };
        var command = new Command("add", "Add a feed.") { url, name, interval, language, topics };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LanguageCodes.TryParse(parse.GetValue(language), out var lang);
            TimeSpan? every = null;
            try
            {
                every = parse.GetValue(interval) is { } text ? SourceStore.ParseInterval(text) : null;
            }
            catch (FormatException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sources add: {ex.Message}");
                return RefusedExitCode;
            }

            var spec = new SourceSpec(
                parse.GetValue(url)!.Trim(),
                parse.GetValue(name),
                every,
                parse.GetValue(language) is null ? null : lang,
                parse.GetValue(topics)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (spec.Problem() is { } problem)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sources add: {problem}");
                return RefusedExitCode;
            }

            using var host = await StartAsync(parse, sync: false, readOnly: false, cancellationToken);
            var (source, added) = await host.Services.GetRequiredService<SourceStore>().AddAsync(spec, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync(added
                ? $"added source {source.Id}: {source.Url}"
                : $"updated source {source.Id}: {source.Url}");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var command = new Command("list", "List the feeds with the outcome of their last poll.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await StartAsync(parse, sync: true, readOnly: true, cancellationToken);
            var sources = await host.Services.GetRequiredService<SourceStore>().ListAsync(cancellationToken);
            var every = host.Services.GetRequiredService<IOptions<SourcesOptions>>().Value.PollInterval;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var rows = sources.Select(s => new SourceJson(
                    s.Id, s.Url, s.Name, s.Kind, (s.Interval ?? every).ToString("c"),
                    s.Language?.ToCode(), s.TopicList, s.LastSuccessAt, s.LastError, s.ConsecutiveFailures, s.ItemsStored, s.NextPollAt)).ToList();
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Readable.ListSourceJson));
                return 0;
            }

            if (sources.Count == 0)
            {
                await output.WriteLineAsync("No sources. Add one with: digestbot sources add <feed url>");
            }

            foreach (var s in sources)
            {
                var last = s.LastSuccessAt?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "never";
                var state = s.ConsecutiveFailures > 0 ? $"failing x{s.ConsecutiveFailures}: {s.LastError}" : "ok";
                await output.WriteLineAsync(
                    $"{s.Id,4}  {s.Kind ?? "?",-8}  every {s.Interval ?? every:c}  {s.ItemsStored,6} stored  last read {last,-20}  {s.Name ?? "-"}  {s.Url}  ({state})");
            }

            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var which = new Argument<string>("source") { Description = "The source's id or URL." };
        var command = new Command("remove", "Stop polling a feed; its articles stay.") { which };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await StartAsync(parse, sync: false, readOnly: false, cancellationToken);
            if (await host.Services.GetRequiredService<SourceStore>().RemoveAsync(parse.GetValue(which)!, cancellationToken) is not { } removed)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sources remove: no source '{parse.GetValue(which)}'; see digestbot sources list");
                return RefusedExitCode;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"removed source {removed.Id}: {removed.Url}");
            if (removed.FromSeeds)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    "it is listed in the sources file (Sources:CatalogPath) and comes back at the next start unless removed there");
            }
            return 0;
        });
        return command;
    }

    private static Command Poll()
    {
        var which = new Argument<string?>("source") { Description = "Only this source (id or URL).", Arity = ArgumentArity.ZeroOrOne };
        var once = new Option<bool>("--once") { Description = "Poll every source once and exit, instead of going on at their intervals." };
        var command = new Command("poll", "Fetch the feeds now, one line per source; without --once, go on polling each at its interval.") { which, once };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await StartAsync(parse, sync: true, readOnly: false, cancellationToken);
            var store = host.Services.GetRequiredService<SourceStore>();
            var poller = host.Services.GetRequiredService<SourcePoller>();
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            List<Source> sources;
            if (parse.GetValue(which) is { } one)
            {
                if (await store.FindAsync(one, cancellationToken) is not { } found)
                {
                    await errors.WriteLineAsync($"sources poll: no source '{one}'; see digestbot sources list");
                    return RefusedExitCode;
                }

                sources = [found];
            }
            else
            {
                sources = await store.ListAsync(cancellationToken);
            }

            var failed = await PollAndReportAsync(poller, sources, output, errors, cancellationToken);
            if (parse.GetValue(once) || parse.GetValue(which) is not null)
            {
                return failed ? FailedExitCode : 0;
            }

            // Goes on like the bot would, until Ctrl+C: each source at its own interval.
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!cancellationToken.IsCancellationRequested)
                {
                    await PollAndReportAsync(poller, await store.DueAsync(cancellationToken), output, errors, cancellationToken);
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task<bool> PollAndReportAsync(
        SourcePoller poller, List<Source> sources, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return false;
        }

        var progress = new ProgressLine("sources poll", sources.Count, errors);
        var results = await SourcesJob.PollAllAsync(poller, sources, result => progress.Step(result.Describe()), cancellationToken);
        progress.Finish();
        foreach (var result in results)
        {
            await output.WriteLineAsync(result.Describe());
            foreach (var problem in result.Problems)
            {
                await errors.WriteLineAsync($"{result.Source.Id} {problem}");
            }
        }

        await output.WriteLineAsync(
            $"{results.Count} source(s): {results.Sum(r => r.Added)} new, {results.Sum(r => r.Updated)} updated, " +
            $"{results.Sum(r => r.Unchanged)} unchanged, {results.Count(r => !r.Read)} failed.");
        return results.Any(r => !r.Read);
    }

    /// <param name="sync">Bring the table in line with the sources file first, as <c>run</c> does at start.</param>
    /// <param name="readOnly">The verb only reads, so a store the bot may only read will do; it is then not synced.</param>
    private static async Task<IHost> StartAsync(ParseResult parse, bool sync, bool readOnly, CancellationToken cancellationToken)
    {
        var builder = AppHost.CreateBuilder(parse.GetValue(GlobalOptions.Database), quiet: true);

        // The verb prints each source's outcome itself; the poller's warnings would say it twice.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(typeof(SourcePoller).Namespace, LogLevel.Error);
        var host = builder.Build();
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();
        var writable = true;
        if (readOnly)
        {
            writable = await migrator.PrepareForReadingAsync(cancellationToken);
        }
        else
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        if (sync && writable)
        {
            await host.Services.GetRequiredService<SourceStore>().SyncCatalogAsync(cancellationToken);
        }

        return host;
    }
}

/// <summary>One source as <c>sources list --json</c> prints it.</summary>
public sealed record SourceJson(
    long Id,
    string Url,
    string? Name,
    string? Kind,
    string Interval,
    string? Language,
    IReadOnlyList<string> Topics,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    int ConsecutiveFailures,
    int ItemsStored,
    DateTimeOffset? NextPollAt);
