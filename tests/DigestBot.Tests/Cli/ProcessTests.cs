using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Cli;

/// <summary>The digestbot executable started as a maintainer starts it: its own process, environment and terminal.</summary>
public class ProcessTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "digestbot.dll");

    private static Dictionary<string, string> Environment(TempFolder folder) => new()
    {
        ["ConnectionStrings__Articles"] = "Data Source=" + folder.File("bot.db"),
        ["Seeds__Path"] = RepositoryPaths.Seeds,
        ["Topics__CatalogPath"] = Path.Combine(RepositoryPaths.Seeds, "topics.json"),
    };

    [Fact]
    public async Task Console_chats_with_the_handlers_and_presses_buttons_by_number()
    {
        using var folder = new TempFolder();

        var result = await CommandLine.RunAsync(
            "dotnet", [Executable, "console", "--lang", "ru"], TimeSpan.FromMinutes(2), folder.Path,
            input: "/start\n/latest 1\n1\n/topic\n/nonsense\n", environment: Environment(folder));

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Здравствуйте").And.Contain("[1] Русский");
        result.Output.Should().Contain("Свежие новости").And.Contain("Свежие новости · страница 2");
        result.Output.Should().Contain("Общество и единство (");
        result.Output.Should().Contain("Я не знаю команды /nonsense");
        result.Output.Should().NotContain("<b>", "the terminal shows text, not markup");
    }

    [Fact]
    public async Task A_configuration_mistake_stops_the_bot_with_one_line_per_setting_and_no_stack_trace()
    {
        using var folder = new TempFolder();
        var environment = Environment(folder);
        environment["Storage__Provider"] = "Mongo";
        environment["Digest__DefaultTimeZone"] = "Mars/Olympus";

        var result = await CommandLine.RunAsync("dotnet", [Executable, "run"], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(2);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyContain(line => line.StartsWith("digestbot: configuration: "));
        lines.Should().Contain(l => l.Contains("Storage:Provider (env Storage__Provider)"));
        lines.Should().Contain(l => l.Contains("Telegram:Token"));
        lines.Should().Contain(l => l.Contains("Digest:DefaultTimeZone (env Digest__DefaultTimeZone)"));
        result.Error.Should().NotContain("   at ");
        File.Exists(folder.File("bot.db")).Should().BeFalse("nothing is touched before the configuration is right");
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_stops_the_bot_with_one_line_naming_the_setting()
    {
        using var folder = new TempFolder();
        var environment = Startable(folder);
        environment["Storage__Provider"] = "Postgres";
        environment["ConnectionStrings__Articles"] = $"Host=127.0.0.1;Port={FreePort.Next()};Username=digestbot;Password=s3cret-pw;Database=digestbot;Timeout=5";

        var result = await CommandLine.RunAsync("dotnet", [Executable, "run"], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(4, result.Error);
        var line = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which;
        line.Should().StartWith("digestbot: storage: ConnectionStrings:Articles (env ConnectionStrings__Articles) must name a PostgreSQL database")
            .And.Contain("127.0.0.1").And.NotContain("s3cret-pw");
    }

    [Theory]
    [InlineData("under-a-file/sub/bot.db")]
    [InlineData("a-folder")]
    [InlineData("not-a-database.db")]
    public async Task A_SQLite_file_that_cannot_be_created_or_opened_stops_the_bot_with_one_line_naming_the_setting(string name)
    {
        using var folder = new TempFolder();
        folder.Write("under-a-file", "a file, not a folder");
        Directory.CreateDirectory(folder.File("a-folder"));
        folder.Write("not-a-database.db", new string('x', 4096));
        var environment = Startable(folder);
        environment["ConnectionStrings__Articles"] = "Data Source=" + folder.File(name);

        var result = await CommandLine.RunAsync("dotnet", [Executable, "run"], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(4, result.Error);
        var line = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which;
        line.Should().StartWith("digestbot: storage: ConnectionStrings:Articles (env ConnectionStrings__Articles) must name a SQLite file")
            .And.Contain(folder.File(name));
    }

    /// <summary>A configuration that passes every check, so that only the database can stop the bot; the Bot API is never reached.</summary>
    private static Dictionary<string, string> Startable(TempFolder folder)
    {
        var environment = Environment(folder);
        environment["Telegram__Token"] = "123456:process-test";
        environment["Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}";
        return environment;
    }
}
