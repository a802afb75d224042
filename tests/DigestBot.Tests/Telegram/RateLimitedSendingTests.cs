using DigestBot.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DigestBot.Tests.Telegram;

public sealed class RateLimitedSendingTests
{
    [Fact]
    public async Task Messages_reach_the_server_within_the_chat_and_group_limits()
    {
        var time = new TestClock(autoAdvance: true);
        await using var api = await FakeBotApi.StartAsync(time);
        await using var bot = new BotClientHarness(api, time, options => options.RateLimits.PerGroupPerMinute = 3);
        long[] chats = [42, 42, 42, 43, 43, -100, -100, -100, -100];
        api.Enqueue("sendMessage", [.. chats.Select(chat => FakeAnswer.Ok(BotJson.Message(1, chat, "digest")))]);

        await Task.WhenAll(chats.Select(chat => bot.Client.SendMessage(chat, "digest")));

        var received = api.RequestsFor("sendMessage").ToLookup(request => request.Body["chat_id"]!.GetValue<long>(), request => request.ReceivedAt);
        foreach (var times in received)
        {
            times.Zip(times.Skip(1), (earlier, later) => later - earlier).Should().OnlyContain(gap => gap >= TimeSpan.FromSeconds(1));
        }

        var group = received[-100].ToList();
        (group[3] - group[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(1), because: "a group takes three messages a minute here");
    }

    [Fact]
    public async Task Edits_wait_their_turn_and_methods_that_post_nothing_do_not()
    {
        var time = new TestClock(autoAdvance: true);
        await using var api = await FakeBotApi.StartAsync(time);
        api.Enqueue("sendMessage", FakeAnswer.Ok(BotJson.Message(1, 42, "a")));
        api.Enqueue("editMessageText", FakeAnswer.Ok(BotJson.Message(1, 42, "b")));
        api.Enqueue("editMessageReplyMarkup", FakeAnswer.Ok(BotJson.Message(1, 42, "b")));
        await using var bot = new BotClientHarness(api, time);
        var client = bot.Client;

        await client.SendMessage(42, "a");
        await client.EditMessageText(42, 1, "b");
        await client.EditMessageReplyMarkup(42, 1);
        var editsDone = time.GetUtcNow();
        await client.DeleteMessage(42, 1);
        await client.AnswerCallbackQuery("q");
        await client.SetMyCommands([new BotCommand { Command = "latest", Description = "Latest news" }]);

        var received = api.Requests.Select(request => request.ReceivedAt).ToList();
        (received[1] - received[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (received[2] - received[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        received.Skip(3).Should().OnlyContain(at => at == editsDone);
    }

    [Fact]
    public async Task A_flood_limit_pauses_sends_to_every_chat_and_is_logged_once()
    {
        var time = new TestClock(autoAdvance: false);
        var started = time.GetUtcNow();
        await using var api = await FakeBotApi.StartAsync(time);
        var flood = FakeAnswer.Error(429, "Too Many Requests: retry after 5", retryAfter: 5);
        var sent = FakeAnswer.Ok(BotJson.Message(1, 42, "a"));
        api.Enqueue("sendMessage", flood, flood, sent, sent, sent);
        await using var bot = new BotClientHarness(api, time, options => options.RateLimits.GlobalPerSecond = 1_000);

        Task[] flooded = [bot.Client.SendMessage(42, "a"), bot.Client.SendMessage(44, "b")];
        await WaitUntilAsync(() => time.PendingTimers == 2);
        var other = bot.Client.SendMessage(43, "c");
        await WaitUntilAsync(() => time.PendingTimers == 3);

        api.RequestsFor("sendMessage").Should().HaveCount(2, because: "the limiter holds the third send until the pause ends");
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll([.. flooded, other]).WaitAsync(TimeSpan.FromSeconds(10));

        var received = api.RequestsFor("sendMessage");
        received.Should().HaveCount(5);
        received.Skip(2).Should().OnlyContain(request => request.ReceivedAt == started + TimeSpan.FromSeconds(5));
        bot.Logs.Lines.Where(line => line.Contains("flood limit hit")).Should().ContainSingle()
            .Which.Should().Contain("telegram: flood limit hit, pausing all sends for 5 s");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
