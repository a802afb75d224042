using System.Collections.Concurrent;
using System.Text;
using DigestBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Telemetry;

/// <summary>The optional push of the counters to an OpenTelemetry collector over OTLP.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_endpoint_set_the_counters_reach_the_collector_by_the_time_the_bot_stops()
    {
        await using var collector = await FakeCollector.StartAsync();
        var bot = await WebBot.StartAsync(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = new Uri(collector.BaseUrl, "v1/metrics").ToString(),
            ["Telemetry:OtlpProtocol"] = "HttpProtobuf",
        });
        await using (bot)
        {
            (await bot.PostUpdateAsync(BotJson.TextUpdate(31, "/help"))).Dispose();
            await bot.WaitForAsync("sendMessage", 1);
            await bot.StopAsync();
        }

        collector.Requests.Should().NotBeEmpty();
        var request = collector.Requests.Last();
        request.Path.Should().Be("/v1/metrics");
        request.ContentType.Should().Be("application/x-protobuf");
        // Protobuf keeps strings as UTF-8 bytes: the instrument and its labels are readable in the payload.
        var payload = Encoding.UTF8.GetString(request.Body);
        payload.Should().Contain("DigestBot").And.Contain("digestbot.updates.handled").And.Contain("handled").And.Contain("message");
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported()
    {
        await using var bot = await WebBot.StartAsync();

        bot.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Should().NotContain(s => s is DigestBot.Telemetry.OtlpExport);
    }

    /// <summary>An OTLP/HTTP receiver on a free loopback port that keeps every request.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> requests = new();

        private FakeCollector()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            app = builder.Build();
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                requests.Enqueue((context.Request.Path.Value ?? "", context.Request.ContentType, body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
        }

        public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

        public IReadOnlyList<(string Path, string? ContentType, byte[] Body)> Requests => [.. requests];

        public static async Task<FakeCollector> StartAsync()
        {
            var collector = new FakeCollector();
            await collector.app.StartAsync();
            collector.BaseUrl = new Uri(collector.app.Urls.Single() + "/");
            return collector;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
