using System.Text.Json.Nodes;
using DigestBot.Telegram;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Telegram;

public sealed class UpdatePollerTests : IAsyncLifetime
{
    // A limit for a busy machine, not a figure under test: the conditions come true in milliseconds.
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly RecordingUpdateHandler handler = new();
    private FakeBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Deletes_the_webhook_then_polls_with_an_advancing_offset()
    {
        api.Enqueue("getUpdates", FakeAnswer.Ok(BotJson.Updates(1, 2)), FakeAnswer.Ok(BotJson.Updates(3)));
        var store = new InMemoryUpdateOffsetStore();

        await RunUntilAsync(new TestClock(autoAdvance: true), handler, store, () => api.RequestsFor("getUpdates").Count >= 4);

        api.Requests[0].Method.Should().Be("deleteWebhook");
        api.RequestsFor("deleteWebhook").Should().ContainSingle();
        var polls = api.RequestsFor("getUpdates");
        JsonNode.DeepEquals(polls[0].Body, JsonNode.Parse("""
            {"limit":100,"timeout":25,"allowed_updates":["message","edited_message","channel_post","callback_query","my_chat_member"]}
            """)).Should().BeTrue(because: "the first poll was {0}", polls[0].Body.ToJsonString());
        polls.Take(4).Select(poll => (long?)poll.Body["offset"]).Should().Equal(null, 3, 4, 4);
        handler.Handled.Should().Equal(1, 2, 3);
        store.LastUpdateId.Should().Be(3);
    }

    [Fact]
    public async Task A_redelivered_update_is_not_handled_twice_after_a_restart()
    {
        var store = new InMemoryUpdateOffsetStore();
        api.Enqueue("getUpdates", FakeAnswer.Ok(BotJson.Updates(1, 2)));
        // Run until a later poll was answered too, so that no poll of this run is left to take the answer meant for the restart.
        await RunUntilAsync(new TestClock(autoAdvance: true), handler, store, () => store.LastUpdateId == 2 && api.RequestsFor("getUpdates").Count >= 3);

        // The restarted bot's server still holds update 2, as after a crash before it was confirmed.
        api.Enqueue("getUpdates", FakeAnswer.Ok(BotJson.Updates(2, 3)));
        var restarted = new RecordingUpdateHandler();
        var pollsBefore = api.RequestsFor("getUpdates").Count;
        await RunUntilAsync(new TestClock(autoAdvance: true), restarted, store, () => store.LastUpdateId == 3);

        restarted.Handled.Should().Equal(3);
        handler.Handled.Should().Equal(1, 2);
        api.RequestsFor("getUpdates")[pollsBefore].Body["offset"]!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public async Task Waits_between_instant_empty_answers_instead_of_spinning()
    {
        var time = new TestClock(autoAdvance: false);
        await using var bot = Harness(time, handler, new InMemoryUpdateOffsetStore());
        using var stop = new CancellationTokenSource();
        var polling = bot.Poller.RunAsync(stop.Token);

        await WaitForAsync(() => api.RequestsFor("getUpdates").Count == 1 && time.PendingTimers == 1);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var pollsWhileTimeStood = api.RequestsFor("getUpdates").Count;
        time.Advance(UpdatePoller.MinimumPollInterval);
        await WaitForAsync(() => api.RequestsFor("getUpdates").Count == 2 && time.PendingTimers == 1);
        await stop.CancelAsync();
        await polling;

        pollsWhileTimeStood.Should().Be(1);
        time.Delays.Should().Equal(UpdatePoller.MinimumPollInterval, UpdatePoller.MinimumPollInterval);
    }

    [Fact]
    public async Task Waits_between_answers_holding_nothing_it_can_take_instead_of_spinning()
    {
        var time = new TestClock(autoAdvance: false);
        api.AnswerByDefault("getUpdates", FakeAnswer.OkRaw("""[{"message":{"text":"no update_id"}}, 42]"""));
        await using var bot = Harness(time, handler, new InMemoryUpdateOffsetStore());
        using var stop = new CancellationTokenSource();
        var polling = bot.Poller.RunAsync(stop.Token);

        await WaitForAsync(() => api.RequestsFor("getUpdates").Count == 1 && time.PendingTimers == 1);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var pollsWhileTimeStood = api.RequestsFor("getUpdates").Count;
        await stop.CancelAsync();
        await polling;

        pollsWhileTimeStood.Should().Be(1);
        handler.Handled.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_polling()
    {
        var handler = new RecordingUpdateHandler(failingUpdateIds: 1);
        var store = new InMemoryUpdateOffsetStore();
        api.Enqueue("getUpdates", FakeAnswer.Ok(BotJson.Updates(1)), FakeAnswer.Ok(BotJson.Updates(2)));

        var logs = await RunUntilAsync(new TestClock(autoAdvance: true), handler, store, () => store.LastUpdateId == 2);

        handler.Handled.Should().Equal(1, 2);
        logs.Lines.Should().Contain(line => line.StartsWith("Error") && line.Contains("unable to handle update 1: handler broke on update 1"));
    }

    [Fact]
    public async Task An_update_that_does_not_read_is_skipped_and_confirmed_and_the_rest_of_its_batch_handled()
    {
        var store = new InMemoryUpdateOffsetStore();
        var broken = """{"update_id":2,"message":{"message_id":2,"chat":null,"date":1767225600,"text":"/latest"}}""";
        var batch = $"[{BotJson.TextUpdate(1).ToJsonString()},{broken},{BotJson.TextUpdate(3).ToJsonString()}]";
        api.Enqueue("getUpdates", FakeAnswer.OkRaw(batch), FakeAnswer.OkRaw($"[{broken}]"));

        var logs = await RunUntilAsync(new TestClock(autoAdvance: true), handler, store, () => api.RequestsFor("getUpdates").Count >= 3);

        handler.Handled.Should().Equal(1, 3);
        store.LastUpdateId.Should().Be(3);
        api.RequestsFor("getUpdates")[1].Body["offset"]!.GetValue<long>().Should().Be(4, "the broken update is confirmed with the others");
        logs.Lines.Should().Contain(line => line.StartsWith("Warning") && line.Contains("update 2 skipped: unable to read it"))
            .And.NotContain(line => line.Contains("unable to poll"));
    }

    [Fact]
    public async Task Api_and_transport_errors_back_off_and_polling_goes_on()
    {
        var time = new TestClock(autoAdvance: true);
        var store = new InMemoryUpdateOffsetStore();
        api.Enqueue("deleteWebhook", FakeAnswer.Drop());
        api.Enqueue("getUpdates",
            FakeAnswer.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
            FakeAnswer.Raw(200, "garbage"),
            FakeAnswer.Ok(BotJson.Updates(7)));

        await RunUntilAsync(time, handler, store, () => store.LastUpdateId == 7, options => options.MaxRetries = 0);

        handler.Handled.Should().Equal(7);
        api.Requests.Take(5).Select(request => request.Method)
            .Should().Equal("deleteWebhook", "deleteWebhook", "getUpdates", "getUpdates", "getUpdates");
        time.Delays.Take(3).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    private async Task<LogRecorder> RunUntilAsync(
        TimeProvider time,
        IUpdateHandler handler,
        IUpdateOffsetStore store,
        Func<bool> done,
        Action<DigestBot.Telegram.BotClientOptions>? configure = null)
    {
        await using var bot = Harness(time, handler, store, configure);
        using var stop = new CancellationTokenSource();
        var polling = bot.Poller.RunAsync(stop.Token);

        await WaitForAsync(() => done() || polling.IsCompleted);
        await stop.CancelAsync();
        await polling;
        return bot.Logs;
    }

    private BotClientHarness Harness(
        TimeProvider time,
        IUpdateHandler handler,
        IUpdateOffsetStore store,
        Action<DigestBot.Telegram.BotClientOptions>? configure = null) =>
        new(api, time, configure, services => services.AddSingleton(handler).AddSingleton(store));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), limit.Token);
        }
    }
}
