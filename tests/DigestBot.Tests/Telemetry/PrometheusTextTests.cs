using System.Diagnostics.Metrics;
using DigestBot.Telegram;
using DigestBot.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Telemetry;

/// <summary>The Prometheus text exposition format (version 0.0.4) as <c>/metrics</c> writes it.</summary>
public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("digestbot.updates.handled", "digestbot_updates_handled_total")]
    [InlineData("digestbot.telegram.api.errors", "digestbot_telegram_api_errors_total")]
    [InlineData("requests_total", "requests_total")]
    [InlineData("http-server/requests", "http_server_requests_total")]
    [InlineData("9lives", "_9lives_total")]
    [InlineData("ratio:per_chat", "ratio:per_chat_total")]
    public void Instrument_names_become_snake_case_counter_names_ending_in_total(string instrument, string expected) =>
        PrometheusText.MetricName(instrument).Should().Be(expected);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("Қазақша ✓", "Қазақша ✓")]
    public void Label_values_escape_backslash_quote_and_newline(string value, string expected) =>
        PrometheusText.EscapeLabelValue(value).Should().Be(expected);

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(0.5d, "0.5")]
    [InlineData(1e21d, "1E+21")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Values_are_written_in_the_invariant_culture_with_the_special_values_spelled_as_the_format_wants(double value, string expected) =>
        PrometheusText.FormatValue(value).Should().Be(expected);

    [Fact]
    public void A_family_has_help_and_type_lines_then_one_line_per_labelled_sample()
    {
        var text = PrometheusText.Write(
        [
            new CounterFamily("digestbot.updates.handled", "Updates received,\nby type and outcome (a\\b).",
            [
                new CounterSample([new("outcome", "handled"), new("type", "message")], 3),
                new CounterSample([new("outcome", "failed"), new("type", "callback_query")], 1),
            ]),
            new CounterFamily("digestbot.articles.imported", null, [new CounterSample([], 7)]),
            new CounterFamily("digestbot.digests.failed", "Never yet.", []),
        ]);

        text.Should().Be(
            "# TYPE digestbot_articles_imported_total counter\n" +
            "digestbot_articles_imported_total 7\n" +
            "# HELP digestbot_digests_failed_total Never yet.\n" +
            "# TYPE digestbot_digests_failed_total counter\n" +
            "# HELP digestbot_updates_handled_total Updates received,\\nby type and outcome (a\\\\b).\n" +
            "# TYPE digestbot_updates_handled_total counter\n" +
            "digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 3\n" +
            "digestbot_updates_handled_total{outcome=\"failed\",type=\"callback_query\"} 1\n");
    }

    [Fact]
    public void The_collector_adds_up_each_label_set_and_ignores_other_hosts_meters()
    {
        using var ours = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = ours.GetRequiredService<IMeterFactory>();
        var telegram = new TelegramMetrics(factory);
        using var collector = new MetricsCollector(factory, telegram, new BotMetrics(factory));
        var other = new TelegramMetrics(theirs.GetRequiredService<IMeterFactory>());

        telegram.ApiError("sendMessage", 403);
        telegram.ApiError("sendMessage", 403);
        telegram.ApiError("getChat", 400);
        other.ApiError("sendMessage", 403);
        using var stray = new Meter(TelegramMetrics.MeterName);
        stray.CreateCounter<long>("digestbot.telegram.api.errors").Add(5, new KeyValuePair<string, object?>("code", 403));

        var text = PrometheusText.Write(collector.Collect());

        text.Should().Contain("digestbot_telegram_api_errors_total{code=\"403\",method=\"sendMessage\"} 2\n");
        text.Should().Contain("digestbot_telegram_api_errors_total{code=\"400\",method=\"getChat\"} 1\n");
        text.Split('\n').Count(l => l.StartsWith("digestbot_telegram_api_errors_total", StringComparison.Ordinal)).Should().Be(2);
    }
}
