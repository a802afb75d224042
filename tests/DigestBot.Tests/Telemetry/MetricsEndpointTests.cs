using System.Diagnostics.Metrics;
using System.Net;
using DigestBot.Telegram;
using DigestBot.Telemetry;
using DigestBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Telemetry;

/// <summary><c>/metrics</c> as a Prometheus scraper reads it: names, labels, values, and the formats it negotiates.</summary>
public sealed class MetricsEndpointTests
{
    /// <summary>What Prometheus 2.x and 3.x send by default: OpenMetrics first, the 0.0.4 text format as a fallback.</summary>
    private const string PrometheusAccept =
        "application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4," +
        "text/plain;version=1.0.0;escaping=underscores;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1";

    [Theory]
    [InlineData("digestbot.updates.handled", "{update}", "digestbot_updates_handled_total")]
    [InlineData("digestbot.telegram.api.errors", "{error}", "digestbot_telegram_api_errors_total")]
    [InlineData("digestbot.sources.bytes", "By", "digestbot_sources_bytes_total")]
    [InlineData("requests_total", null, "requests_total")]
    [InlineData("http-server/requests", null, "http_server_requests_total")]
    public async Task Instrument_names_become_snake_case_counter_names_ending_in_total(string instrument, string? unit, string expected)
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<long>(instrument, unit).Add(3);

        var text = await host.ScrapeAsync();

        text.Should().Contain($"# TYPE {expected} counter\n").And.Contain($"\n{expected}{{}} 3\n");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("Қазақша ✓", "Қазақша ✓")]
    public async Task Label_values_escape_backslash_quote_and_newline(string value, string expected)
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<long>("digestbot.labels").Add(1, new KeyValuePair<string, object?>("value", value));

        (await host.ScrapeAsync()).Should().Contain($"\ndigestbot_labels_total{{value=\"{expected}\"}} 1\n");
    }

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(0.5d, "0.5")]
    [InlineData(1e21d, "1E+21")]
    public async Task Values_are_written_in_the_invariant_culture(double value, string expected)
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<double>("digestbot.values").Add(value);

        (await host.ScrapeAsync()).Should().Contain($"\ndigestbot_values_total{{}} {expected}\n");
    }

    [Fact]
    public async Task A_family_has_type_and_help_lines_then_one_line_per_label_set_with_its_labels_sorted()
    {
        await using var host = await MetricsHost.StartAsync();
        var updates = host.Meter.CreateCounter<long>("digestbot.updates.handled", "{update}", "Updates received,\nby type and outcome (a\\b).");
        updates.Add(3, new("type", "message"), new("outcome", "handled"));
        updates.Add(1, new("type", "callback_query"), new("outcome", "failed"));

        using var response = await host.Http.GetAsync(WebServiceCollectionExtensions.MetricsPath);
        var text = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        text.Should().Contain(
            "# TYPE digestbot_updates_handled_total counter\n" +
            "# HELP digestbot_updates_handled_total Updates received,\\nby type and outcome (a\\\\b).\n" +
            "digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 3\n" +
            "digestbot_updates_handled_total{outcome=\"failed\",type=\"callback_query\"} 1\n");
    }

    [Fact]
    public async Task Prometheus_gets_OpenMetrics_with_the_same_samples()
    {
        await using var host = await MetricsHost.StartAsync();
        host.Meter.CreateCounter<long>("digestbot.telegram.messages.sent", "{message}", "Messages sent.").Add(2, new KeyValuePair<string, object?>("method", "sendMessage"));
        host.Meter.CreateCounter<long>("digestbot.sources.bytes", "By", "Bytes read.").Add(1234);

        using var request = new HttpRequestMessage(HttpMethod.Get, WebServiceCollectionExtensions.MetricsPath);
        request.Headers.TryAddWithoutValidation("Accept", PrometheusAccept);
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().Should().Be("application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=underscores");
        text.Should().Contain(
            "# TYPE digestbot_telegram_messages_sent counter\n" +
            "# HELP digestbot_telegram_messages_sent Messages sent.\n" +
            "digestbot_telegram_messages_sent_total{method=\"sendMessage\"} 2\n");
        text.Should().Contain("# UNIT digestbot_sources_bytes bytes\n").And.Contain("\ndigestbot_sources_bytes_total{} 1234\n");
        text.Should().MatchRegex(@"\ndigestbot_telegram_messages_sent_created\{method=""sendMessage""\} \d+(\.\d+)?\n");
        text.Should().EndWith("# EOF\n");
    }

    [Fact]
    public async Task Before_the_first_count_a_scrape_is_a_valid_page_with_target_info()
    {
        await using var host = await MetricsHost.StartAsync();

        using var response = await host.Http.GetAsync(WebServiceCollectionExtensions.MetricsPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8", "Prometheus 3 fails a scrape without one");
        (await response.Content.ReadAsStringAsync()).Should().Contain("# TYPE target_info gauge\n").And.Contain("service_name=\"digestbot\"");
    }

    [Fact]
    public async Task Each_label_set_is_added_up_and_other_hosts_meters_are_left_out()
    {
        await using var host = await MetricsHost.StartAsync();
        await using var other = await MetricsHost.StartAsync();
        var telegram = new TelegramMetrics(host.Services.GetRequiredService<IMeterFactory>());
        var theirs = new TelegramMetrics(other.Services.GetRequiredService<IMeterFactory>());

        telegram.ApiError("sendMessage", 403);
        telegram.ApiError("sendMessage", 403);
        telegram.ApiError("getChat", 400);
        theirs.ApiError("sendMessage", 403);
        using var stray = new Meter(TelegramMetrics.MeterName);
        stray.CreateCounter<long>("digestbot.telegram.api.errors").Add(5, new KeyValuePair<string, object?>("code", 403));
        var text = await host.ScrapeAsync();

        text.Should().Contain("\ndigestbot_telegram_api_errors_total{code=\"403\",method=\"sendMessage\"} 2\n");
        text.Should().Contain("\ndigestbot_telegram_api_errors_total{code=\"400\",method=\"getChat\"} 1\n");
        text.Split('\n').Count(l => l.StartsWith("digestbot_telegram_api_errors_total", StringComparison.Ordinal)).Should().Be(2);
    }

    /// <summary>Just the bot's metrics export and <c>/metrics</c>, on a free loopback port.</summary>
    private sealed class MetricsHost : IAsyncDisposable
    {
        private readonly WebApplication app;

        private MetricsHost(WebApplication app)
        {
            this.app = app;
            Meter = app.Services.GetRequiredService<IMeterFactory>().Create(TelegramMetrics.MeterName);
        }

        public Meter Meter { get; }

        public IServiceProvider Services => app.Services;

        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public static async Task<MetricsHost> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddMetricsExport(builder.Configuration);
            var app = builder.Build();
            app.MapPrometheusScrapingEndpoint(WebServiceCollectionExtensions.MetricsPath);
            await app.StartAsync();
            var host = new MetricsHost(app);
            host.Http.BaseAddress = new Uri(app.Urls.First());
            return host;
        }

        public Task<string> ScrapeAsync() => Http.GetStringAsync(WebServiceCollectionExtensions.MetricsPath);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.DisposeAsync();
        }
    }
}
