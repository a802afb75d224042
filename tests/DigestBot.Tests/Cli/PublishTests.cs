using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Cli;

/// <summary>
/// The Docker image checked where no Docker engine runs: the Dockerfile's own restore and publish commands, then the
/// published bot started with the runtime stage's environment, entry point and health check, its paths under a temp folder.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PublishTests
{
    // What the aspnet base image sets before the Dockerfile's own ENV.
    private static readonly Dictionary<string, string> BaseImageEnvironment = new()
    {
        ["ASPNETCORE_HTTP_PORTS"] = "8080",
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
        ["APP_UID"] = "1654",
    };

    // The command stays the Dockerfile's; only the environment differs. Build servers left running after publish
    // would inherit its redirected output and keep the test waiting for the end of it.
    private static readonly Dictionary<string, string> SdkEnvironment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
    };

    private readonly Dockerfile dockerfile = Dockerfile.Read();

    [Fact]
    public void Every_path_the_Dockerfile_copies_from_the_repository_exists()
    {
        var sources = dockerfile.Stages.SelectMany(stage => stage.Copies).Where(copy => copy.From is null).SelectMany(copy => copy.Sources).ToList();

        sources.Should().NotBeEmpty();
        foreach (var source in sources)
        {
            var path = Path.Combine(RepositoryPaths.Root, source);
            (File.Exists(path) || Directory.Exists(path)).Should().BeTrue($"the Dockerfile copies {source} from the repository");
        }
    }

    [Fact]
    public void The_build_context_leaves_out_host_build_outputs_and_secrets()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"))
            .Select(line => line.Trim().TrimEnd('/'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

        // COPY . . after the restore would otherwise bring the host's obj/ folders, whose restore points at the host's paths.
        ignored.Should().Contain(["**/bin", "**/obj", "**/node_modules", ".git", ".env", "**/*.db"]);
    }

    [Fact]
    public void Every_setting_the_image_sets_is_one_the_README_documents_or_the_runtime_reads()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var names = dockerfile.Final.Environment.Keys.ToList();

        names.Should().Contain(["ConnectionStrings__Articles", "Seeds__Path", "Urls"]);
        foreach (var name in names.Where(n => !n.StartsWith("DOTNET_", StringComparison.Ordinal) && !n.StartsWith("ASPNETCORE_", StringComparison.Ordinal)))
        {
            readme.Should().Contain($"`{name}`", $"{name} is set by the image, so the configuration table names it");
        }
    }

    [Fact]
    public async Task The_published_bot_started_as_the_image_starts_it_is_healthy_and_its_health_check_says_so()
    {
        using var folder = new TempFolder();
        var runtime = dockerfile.Final;
        var workingDirectory = runtime.WorkingDirectory ?? throw new InvalidOperationException("Dockerfile: the runtime stage has no WORKDIR");
        var volume = runtime.Instructions.Single(i => i.Keyword == "VOLUME").Arguments;
        var paths = new Dictionary<string, string> { [workingDirectory] = folder.File("app"), [volume] = folder.File("data") };
        await PublishAsync(paths[workingDirectory]);
        CopyFromRepository(runtime, paths);

        await using var api = await FakeBotApi.StartAsync();
        var exposed = runtime.Instructions.Single(i => i.Keyword == "EXPOSE").Arguments;
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(BaseImageEnvironment);
        foreach (var (name, value) in runtime.Environment)
        {
            environment[name] = MapPaths(value, paths);
        }

        environment["Urls"].Should().EndWith($":{exposed}", "the image listens on the port it exposes");
        environment["Urls"] = environment["Urls"][..^exposed.Length] + port;
        environment["Telegram__Token"] = FakeBotApi.Token;
        environment["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString();

        var entryPoint = runtime.ExecForm("ENTRYPOINT").Concat(runtime.ExecForm("CMD")).ToList();
        using var bot = Start(entryPoint, paths[workingDirectory], environment);
        var output = bot.StandardOutput.ReadToEndAsync();
        var error = bot.StandardError.ReadToEndAsync();
        try
        {
            var (status, report) = await WaitForHealthAsync(new Uri($"http://127.0.0.1:{port}/healthz"), bot, error);
            var check = await CommandLine.RunAsync(runtime.HealthCheck[0], runtime.HealthCheck.Skip(1), TimeSpan.FromMinutes(1), paths[workingDirectory], environment: environment);
            var closed = $"http://127.0.0.1:{FreePort.Next()}/healthz";
            var refused = await CommandLine.RunAsync(
                runtime.HealthCheck[0], [.. runtime.HealthCheck.Skip(1), "--url", closed], TimeSpan.FromMinutes(1), paths[workingDirectory], environment: environment);

            status.Should().Be(HttpStatusCode.OK, report);
            using (var json = JsonDocument.Parse(report))
            {
                json.RootElement.GetProperty("status").GetString().Should().Be("healthy");
                json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("healthy");
                json.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString().Should().Be("healthy");
                json.RootElement.TryGetProperty("lastUpdateReceivedAt", out _).Should().BeTrue();
            }

            check.ExitCode.Should().Be(0, $"{check.Command} (the image's HEALTHCHECK) printed:\n{check.Output}\n{check.Error}");
            JsonDocument.Parse(check.Output).RootElement.GetProperty("status").GetString().Should().Be("healthy");
            refused.ExitCode.Should().Be(1);
            refused.Error.TrimEnd('\n').Should().NotContain("\n").And.StartWith($"healthcheck: unable to reach {closed}");
            File.Exists(Path.Combine(paths[volume], "digestbot.db")).Should().BeTrue("the database lives on the volume");
        }
        finally
        {
            await StopAsync(bot);
        }

        bot.ExitCode.Should().Be(0, await error);
        (await error).Should().NotContain("Overriding HTTP_PORTS", "Urls alone decides where the image listens");
        (await output).Should().Contain("Now listening on: http://[::]:" + port);
    }

    /// <summary>Runs the build stage's restore and publish commands as they are, the output folder aside.</summary>
    private async Task PublishAsync(string output)
    {
        var build = dockerfile.Stages[0];
        var published = dockerfile.Final.Copies.Single(copy => copy.From == build.Name).Sources.Single();
        var commands = build.Commands.Where(c => c is ["dotnet", "restore" or "publish", ..]).ToList();
        commands.Should().Contain(c => c[1] == "publish");

        // The Core unit tests the image build runs are part of this suite already.
        foreach (var command in commands)
        {
            var arguments = command.Skip(1).ToList();
            if (arguments[0] == "publish")
            {
                var option = arguments.FindIndex(a => a is "-o" or "--output");
                arguments[option + 1].Should().Be(published, "the runtime stage copies what publish wrote");
                arguments[option + 1] = output;
            }

            var result = await CommandLine.RunAsync("dotnet", arguments, TimeSpan.FromMinutes(10), RepositoryPaths.Root, environment: SdkEnvironment);
            result.ExitCode.Should().Be(0, $"{result.Command} printed:\n{result.Output}\n{result.Error}");
        }
    }

    /// <summary>Does the runtime stage's copies from the build context, into the folders that stand for its paths.</summary>
    private static void CopyFromRepository(DockerStage runtime, Dictionary<string, string> paths)
    {
        foreach (var (_, sources, destination) in runtime.Copies.Where(copy => copy.From is null))
        {
            var target = destination.StartsWith('/') ? MapPaths(destination, paths) : Path.Combine(paths[runtime.WorkingDirectory!], destination);
            foreach (var source in sources)
            {
                CopyDirectory(Path.Combine(RepositoryPaths.Root, source), target);
            }
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>Replaces the image's absolute paths (<c>/app</c>, <c>/data</c>) inside a setting with the folders standing for them.</summary>
    private static string MapPaths(string value, Dictionary<string, string> paths)
    {
        foreach (var (container, host) in paths)
        {
            value = Regex.Replace(value, $@"(?<![\w/:]){Regex.Escape(container)}(?=/|$|[\s;])", host.Replace("$", "$$", StringComparison.Ordinal));
        }

        return value;
    }

    private static Process Start(IReadOnlyList<string> command, string workingDirectory, Dictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return Process.Start(startInfo)!;
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForHealthAsync(Uri url, Process bot, Task<string> error)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException($"the bot exited with {bot.ExitCode} before it was healthy:\n{await error}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                {
                    return (response.StatusCode, body);
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Migrating and importing the seeds come before the port opens.
            }

            await Task.Delay(250);
        }
    }

    // SIGTERM, as docker stop sends it.
    private static async Task StopAsync(Process bot)
    {
        if (bot.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await bot.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            bot.Kill(entireProcessTree: true);
            throw;
        }
    }
}
