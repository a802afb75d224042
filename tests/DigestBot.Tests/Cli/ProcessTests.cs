using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Cli;

/// <summary>The digestbot executable started as a maintainer starts it: its own process, environment and terminal.</summary>
[Trait("Category", "Slow")]
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
    public async Task Each_wrong_webhook_setting_gets_a_line_naming_it_and_its_environment_variable()
    {
        using var folder = new TempFolder();
        var environment = Environment(folder);
        environment["Telegram__Token"] = "123456:ABC-DEF1234ghIkl";
        environment["Telegram__Mode"] = "webhook";
        environment["Telegram__WebhookUrl"] = "http://bot.example.org/telegram";
        environment["Telegram__WebhookSecret"] = "not secret!";
        environment["Telegram__MaxConnections"] = "500";

        var result = await CommandLine.RunAsync("dotnet", [Executable, "run"], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(2, result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyContain(line => line.StartsWith("digestbot: configuration: "));
        lines.Should().BeEquivalentTo(
        [
            "digestbot: configuration: Telegram:MaxConnections (env Telegram__MaxConnections) must be between 1 and 100, got 500",
            "digestbot: configuration: Telegram:WebhookUrl (env Telegram__WebhookUrl) must be an absolute https URL without a query, such as https://bot.example.org/telegram, not 'http://bot.example.org/telegram'",
            "digestbot: configuration: Telegram:WebhookSecret (env Telegram__WebhookSecret) may only hold A-Z, a-z, 0-9, _ and -",
            "digestbot: configuration: Urls (env Urls or ASPNETCORE_URLS) must be set when Telegram:Mode (env Telegram__Mode) is Webhook: where the bot listens for Telegram's calls, such as http://0.0.0.0:8080 behind an https proxy",
        ]);
        result.Error.Should().NotContain("not secret!", "a secret is never printed");
        File.Exists(folder.File("bot.db")).Should().BeFalse();
    }

    [Theory]
    [InlineData("Telegram__Mode", "Hook", "Telegram:Mode (env Telegram__Mode) must be Polling or Webhook, not 'Hook'")]
    [InlineData("Telegram__WebhookSecret", "", "Telegram:WebhookSecret (env Telegram__WebhookSecret) must be set when Telegram:Mode (env Telegram__Mode) is Webhook: 1 to 256 characters of A-Z, a-z, 0-9, _ and -")]
    [InlineData("Telegram__WebhookUrl", "https://bot.example.org/metrics", "Telegram:WebhookUrl (env Telegram__WebhookUrl) must not end in /metrics: that path serves the bot's own metrics")]
    [InlineData("Telemetry__OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint (env Telemetry__OtlpEndpoint) must be an absolute http or https URL, such as http://otel-collector:4317, not 'collector:4317'")]
    public async Task A_single_wrong_receiving_setting_is_the_only_line(string variable, string value, string expected)
    {
        using var folder = new TempFolder();
        var environment = Environment(folder);
        environment["Telegram__Token"] = "123456:ABC-DEF1234ghIkl";
        environment["Telegram__Mode"] = "Webhook";
        environment["Telegram__WebhookUrl"] = "https://bot.example.org/telegram";
        environment["Telegram__WebhookSecret"] = "s3cret";
        environment["Urls"] = "http://127.0.0.1:0";
        environment[variable] = value;

        var result = await CommandLine.RunAsync("dotnet", [Executable, "run"], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(2, result.Error);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("digestbot: configuration: " + expected);
    }

    [Fact]
    public async Task With_json_logging_and_Urls_the_bot_serves_health_and_stops_on_SIGTERM()
    {
        using var folder = new TempFolder();
        await using var api = await FakeBotApi.StartAsync();
        var port = FreePort.Next();
        var environment = Environment(folder);
        environment["Telegram__Token"] = FakeBotApi.Token;
        environment["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString();
        environment["Urls"] = $"http://127.0.0.1:{port}";
        environment["Logging__Console__FormatterName"] = "json";
        environment["Seeds__Watch"] = "false";

        using var process = Start(folder, environment, "run");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var health = await WaitForHealthAsync(http, process);
            health.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            // What systemd, Docker and Kubernetes send to stop a service.
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(deadline.Token);
        }

        process.ExitCode.Should().Be(0, await error);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.GetProperty("Category").GetString().Should().NotBeNullOrEmpty();
            json.RootElement.TryGetProperty("Message", out _).Should().BeTrue();
        }

        lines.Should().Contain(l => l.Contains("Application is shutting down", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("Polling for updates stopped", StringComparison.Ordinal));
        (await error).Should().NotContain(FakeBotApi.Token, "the token is never logged");
    }

    [Fact]
    public async Task SIGTERM_during_an_import_stops_after_a_stored_batch_prints_the_summary_and_exits_130()
    {
        using var folder = new TempFolder();
        const int total = 20_000;
        var bulk = folder.Write("bulk.jsonl", string.Join('\n', Enumerable.Range(1, total).Select(i =>
            $$"""{"id": "{{i}}", "title": "Новость {{i}}", "body": "Маслихат города рассмотрел вопрос номер {{i}} о благоустройстве дворов. Решение по вопросу {{i}} примут через неделю."}""")));
        var environment = Environment(folder);

        using var process = Start(folder, environment, "import", bulk);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await StoredArticlesAsync(folder) == 0)
        {
            process.HasExited.Should().BeFalse("the import is still reading the file");
            DateTime.UtcNow.Should().BeBefore(deadline, "the first batch is stored within two minutes");
            await Task.Delay(100);
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using (var wait = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await process.WaitForExitAsync(wait.Token);
        }

        process.ExitCode.Should().Be(130, await output + await error);
        var summary = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which;
        var added = int.Parse(summary.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        summary.Should().Be($"1 file(s): {added} added, 0 updated, 0 unchanged, 0 skipped, 0 item problem(s).");
        added.Should().BeGreaterThan(0).And.BeLessThan(total, "the import stopped before the end of the file");
        (await StoredArticlesAsync(folder)).Should().Be(added, "what the summary counts is what is stored");
        (await error).Should().Contain("interrupted");

        var again = await CommandLine.RunAsync("dotnet", [Executable, "import", bulk], TimeSpan.FromMinutes(3), folder.Path, environment: environment);

        again.ExitCode.Should().Be(0, again.Error);
        again.Output.Trim().Should().Be($"1 file(s): {total - added} added, 0 updated, {added} unchanged, 0 skipped, 0 item problem(s).");
        (await StoredArticlesAsync(folder)).Should().Be(total);
    }

    private static async Task<long> StoredArticlesAsync(TempFolder folder)
    {
        if (!File.Exists(folder.File("bot.db")))
        {
            return 0;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("bot.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Articles\"";
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The tables are not migrated yet.
            return 0;
        }
    }

    private static async Task<HttpStatusCode> WaitForHealthAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            process.HasExited.Should().BeFalse("the bot keeps running until it is stopped");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("search")]
    public async Task A_PostgreSQL_connection_string_with_the_default_provider_gets_one_line_saying_which_setting_to_change(string verb)
    {
        using var folder = new TempFolder();
        var environment = Startable(folder);
        environment["ConnectionStrings__Articles"] = "Host=127.0.0.1;Port=5432;Username=digestbot;Database=digestbot";

        var result = await CommandLine.RunAsync("dotnet", [Executable, verb, .. verb == "search" ? ["Астана"] : Array.Empty<string>()], TimeSpan.FromMinutes(2), folder.Path, environment: environment);

        result.ExitCode.Should().Be(2, result.Error);
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "digestbot: configuration: ConnectionStrings:Articles (env ConnectionStrings__Articles) must be a Sqlite connection string " +
            "(Connection string keyword 'host' is not supported); for a Postgres database set Storage:Provider (env Storage__Provider) to Postgres.");
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

    /// <summary>Starts the executable in the folder with the environment, its output read by the caller.</summary>
    private static Process Start(TempFolder folder, Dictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet", [Executable, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return Process.Start(startInfo)!;
    }
}
