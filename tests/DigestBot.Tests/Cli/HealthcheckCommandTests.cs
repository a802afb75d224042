using System.CommandLine;
using System.Text.Json;
using DigestBot.Cli;
using DigestBot.Tests.Infrastructure;
using Quartz;

namespace DigestBot.Tests.Cli;

/// <summary><c>digestbot healthcheck</c>: where it looks, and what it says about a healthy and an unhealthy bot.</summary>
public sealed class HealthcheckCommandTests
{
    [Theory]
    [InlineData(null, "http://localhost:8080/healthz")]
    [InlineData("", "http://localhost:8080/healthz")]
    [InlineData("http://+:8080", "http://localhost:8080/healthz")]
    [InlineData("http://*:5000", "http://localhost:5000/healthz")]
    [InlineData("http://[::]:8080", "http://localhost:8080/healthz")]
    [InlineData("http://0.0.0.0:9090", "http://localhost:9090/healthz")]
    [InlineData("http://127.0.0.1:8081", "http://127.0.0.1:8081/healthz")]
    [InlineData("http://bot.internal", "http://bot.internal:80/healthz")]
    [InlineData("http://+:8080/bot/", "http://localhost:8080/bot/healthz")]
    [InlineData("http://+:8080;http://+:9090", "http://localhost:8080/healthz")]
    [InlineData("https://+:8443;http://+:8080", "http://localhost:8080/healthz")]
    [InlineData("https://+:8443", "https://localhost:8443/healthz")]
    public void Asks_the_first_http_address_of_Urls_with_a_wildcard_host_taken_as_localhost(string? urls, string expected) =>
        HealthcheckCommand.HealthUrl(urls).Should().Be(expected);

    [Fact]
    public async Task A_healthy_bot_gives_0_and_its_report_then_a_stopped_scheduler_gives_1_and_one_line()
    {
        await using var bot = await WebBot.StartAsync();
        var url = new Uri(bot.Http.BaseAddress!, "healthz").ToString();

        var healthy = await RunAsync("healthcheck", "--url", url);
        await (await bot.Get<ISchedulerFactory>().GetScheduler()).Shutdown();
        var unhealthy = await RunAsync("healthcheck", "--url", url);

        healthy.ExitCode.Should().Be(0, healthy.Error);
        healthy.Error.Should().BeEmpty();
        JsonDocument.Parse(healthy.Output).RootElement.GetProperty("status").GetString().Should().Be("healthy");
        unhealthy.ExitCode.Should().Be(HealthcheckCommand.UnhealthyExitCode);
        unhealthy.Error.TrimEnd('\n').Should().NotContain("\n")
            .And.StartWith($"healthcheck: {url} answered 503: {{\"status\":\"unhealthy\"");
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/healthz", "healthcheck: unable to reach http://127.0.0.1:{port}/healthz: ")]
    [InlineData("ftp://127.0.0.1:{port}/healthz", "healthcheck: ftp://127.0.0.1:{port}/healthz is not an http or https URL")]
    public async Task Nothing_to_ask_gives_1_and_one_line_saying_why(string url, string expected)
    {
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await RunAsync("healthcheck", "--url", url.Replace("{port}", port, StringComparison.Ordinal));

        result.ExitCode.Should().Be(HealthcheckCommand.UnhealthyExitCode);
        result.Output.Should().BeEmpty();
        result.Error.TrimEnd('\n').Should().NotContain("\n").And.StartWith(expected.Replace("{port}", port, StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DigestBotCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
