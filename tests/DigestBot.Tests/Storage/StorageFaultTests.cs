using System.Globalization;
using System.Text.RegularExpressions;
using DigestBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Storage;

/// <summary>A store that fills its disk, that the bot may only read, or that is damaged: one line on stderr and exit code 4,
/// never a stack trace; what can still be read is read.</summary>
[Trait("Category", "Slow")]
public sealed partial class StorageFaultTests
{
    private const int StorageExitCode = 4;

    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "digestbot.dll");

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_disk_that_fills_during_import_stops_it_with_one_line_the_summary_so_far_and_exit_4()
    {
        using var folder = new TempFolder();
        var seeds = StorageFixtures.WriteSeeds(folder.File("seeds"), 3000);
        var db = folder.File("data/bot.db");

        // A file size limit stands in for a full disk: past it the kernel refuses the write (EFBIG) rather than signalling,
        // as the shell ignores SIGXFSZ. The runtime's own double-mapped code heap is a file too, so it is turned off.
        var result = await CommandLine.RunAsync(
            "sh",
            ["-c", "trap '' XFSZ; ulimit -f 24576; exec \"$@\"", "sh", "dotnet", Executable, "import", seeds, "--db", db],
            Timeout,
            folder.Path,
            environment: Environment(folder, ("DOTNET_EnableWriteXorExecute", "0")));

        result.ExitCode.Should().Be(StorageExitCode, result.Output + result.Error);
        var line = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which;
        line.Should().StartWith("digestbot: storage: ").And.Contain("disk is full").And.Contain(db);
        var summary = Summary().Match(result.Output);
        summary.Success.Should().BeTrue(result.Output);
        var added = int.Parse(summary.Groups["added"].Value, CultureInfo.InvariantCulture);
        added.Should().BePositive().And.BeLessThan(3000);

        // What the summary counts is what was stored, index and all: the batch that failed left nothing behind.
        (await StorageFixtures.ScalarAsync(db, "SELECT count(*) FROM Articles")).Should().Be(added);
        (await StorageFixtures.ScalarAsync(db, "SELECT count(*) FROM ArticleSearch")).Should().Be(added);
        (await StorageFixtures.ScalarAsync(db, "SELECT count(*) FROM ArticleOrigins")).Should().Be(added);
    }

    [Theory]
    [InlineData("articles", "--limit", "100")]
    [InlineData("search", "story")]
    [InlineData("sources", "list")]
    public async Task Read_only_verbs_read_a_store_opened_with_Mode_ReadOnly(params string[] verb)
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 20);

        var result = await RunAsync(folder, $"Data Source={db};Mode=ReadOnly", verb);

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().BeEmpty();
        result.Output.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("import", "seeds")]
    [InlineData("sources", "add", "https://news.example.org/feed.xml")]
    [InlineData("run")]
    public async Task Verbs_that_write_stop_on_a_store_opened_with_Mode_ReadOnly_with_one_line(params string[] verb)
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 5);
        StorageFixtures.WriteSeeds(folder.File("seeds"), 3, first: 100);

        var result = await RunAsync(folder, $"Data Source={db};Mode=ReadOnly", verb);

        result.ExitCode.Should().Be(StorageExitCode, result.Output + result.Error);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("digestbot: storage: ").And.Contain("read-only").And.Contain(db);
    }

    [Fact]
    public async Task A_read_only_store_whose_schema_is_behind_says_a_writable_run_must_migrate_it()
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 5);
        await StorageFixtures.ExecuteAsync(db, "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT max(MigrationId) FROM __EFMigrationsHistory)");

        var result = await RunAsync(folder, $"Data Source={db};Mode=ReadOnly", ["articles"]);

        result.ExitCode.Should().Be(StorageExitCode, result.Output + result.Error);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("digestbot: storage: ").And.Contain("1 migration").And.Contain("writable");
    }

    [Fact]
    public async Task A_store_file_the_bot_may_only_read_is_read_by_the_read_only_verbs_and_refused_by_the_others()
    {
        // As root every file is writable, so the bot runs as nobody, from a copy of its build that nobody may read, on a
        // store that root owns with mode 0444; the folder is nobody's, as SQLite keeps its -wal and -shm files beside the store.
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 20);
        StorageFixtures.WriteSeeds(folder.File("seeds"), 3, first: 100);
        var app = folder.File("app");
        StorageFixtures.CopyFolder(AppContext.BaseDirectory, app);
        var home = Directory.CreateDirectory(folder.File("home"));
        await CommandLine.RunCheckedAsync("chmod", ["-R", "o+rX", folder.Path], Timeout);
        await CommandLine.RunCheckedAsync("chmod", ["0444", db], Timeout);
        await CommandLine.RunCheckedAsync("chown", ["nobody", home.FullName, Path.GetDirectoryName(db)!], Timeout);

        async Task<CommandResult> AsNobodyAsync(params string[] verb) => await CommandLine.RunAsync(
            "runuser",
            ["-u", "nobody", "--", "env", $"DOTNET_CLI_HOME={home.FullName}", $"Topics__CatalogPath={Path.Combine(RepositoryPaths.Seeds, "topics.json")}",
                "dotnet", Path.Combine(app, "digestbot.dll"), .. verb, "--db", db],
            Timeout,
            folder.Path);

        foreach (var verb in new[] { new[] { "articles" }, ["search", "story"], ["sources", "list"] })
        {
            var read = await AsNobodyAsync(verb);
            read.ExitCode.Should().Be(0, $"{string.Join(' ', verb)}: {read.Error}");
            read.Output.Should().NotBeEmpty();
        }

        var import = await AsNobodyAsync("import", folder.File("seeds"));
        import.ExitCode.Should().Be(StorageExitCode, import.Output + import.Error);
        import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("digestbot: storage: ").And.Contain("read-only").And.Contain(db);
    }

    [Theory]
    [InlineData("articles", "--limit", "1000")]
    [InlineData("search", "story")]
    [InlineData("sources", "list")]
    [InlineData("import", "seeds")]
    [InlineData("run")]
    public async Task A_corrupt_page_stops_every_verb_with_one_line_and_exit_4(params string[] verb)
    {
        using var folder = new TempFolder();
        var db = await StorageFixtures.CreateStoreAsync(folder, articles: 200);
        StorageFixtures.WriteSeeds(folder.File("seeds"), 3, first: 1000);
        await StorageFixtures.CorruptArticleAsync(db, number: 100);

        var result = await RunAsync(folder, "Data Source=" + db, verb);

        result.ExitCode.Should().Be(StorageExitCode, result.Output + result.Error);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("digestbot: storage: ").And.Contain("corrupt").And.Contain(db);
    }

    private static async Task<CommandResult> RunAsync(TempFolder folder, string connectionString, string[] verb)
    {
        var environment = Environment(folder, ("ConnectionStrings__Articles", connectionString));

        // Enough for run to get past its configuration checks; the Bot API is never reached.
        environment["Telegram__Token"] = "123456:storage-fault-test";
        environment["Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}";
        return await CommandLine.RunAsync("dotnet", [Executable, .. verb], Timeout, folder.Path, environment: environment);
    }

    private static Dictionary<string, string> Environment(TempFolder folder, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["Seeds__Path"] = folder.File("no-seeds"),
            ["Topics__CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    [GeneratedRegex(@"^\d+ file\(s\): (?<added>\d+) added, 0 updated, 0 unchanged, 0 skipped, 0 item problem\(s\)\.\n$")]
    private static partial Regex Summary();
}
