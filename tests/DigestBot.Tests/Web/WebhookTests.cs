using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Tests.Infrastructure;

namespace DigestBot.Tests.Web;

/// <summary>Webhook mode end to end: Telegram's calls over HTTP into the running host, replies out to the fake Bot API.</summary>
[Trait("Category", "Slow")]
public sealed class WebhookTests
{
    [Fact]
    public async Task At_start_the_bot_sets_its_webhook_with_the_secret_the_update_kinds_and_the_connection_limit()
    {
        await using var bot = await WebBot.StartAsync();

        var set = (await bot.WaitForAsync("setWebhook", 1)).Single();

        JsonNode.DeepEquals(set.Body, JsonNode.Parse("""
            {
              "url": "https://bot.example.org/telegram/hook",
              "secret_token": "s3cret_Token-1",
              "allowed_updates": ["message", "edited_message", "channel_post", "callback_query", "my_chat_member"],
              "max_connections": 7
            }
            """)).Should().BeTrue(because: "setWebhook was called with {0}", set.Body.ToJsonString());
        bot.Api.RequestsFor("getUpdates").Should().BeEmpty("a bot on a webhook never polls");
        bot.Api.RequestsFor("deleteWebhook").Should().BeEmpty();
    }

    [Fact]
    public async Task An_update_with_the_secret_is_acknowledged_and_answered_through_the_Bot_API()
    {
        await using var bot = await WebBot.StartAsync();

        using var response = await bot.PostUpdateAsync(BotJson.TextUpdate(501, "/help"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = (await bot.WaitForAsync("sendMessage", 1)).Single();
        reply.Body["chat_id"]!.GetValue<long>().Should().Be(42);
        reply.Body["text"]!.GetValue<string>().Should().Contain("/latest");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cret_Token-2")]
    [InlineData("s3cret_Token-1x")]
    [InlineData("S3CRET_TOKEN-1")]
    public async Task A_call_without_the_right_secret_is_refused_and_nothing_is_handled(string? secret)
    {
        await using var bot = await WebBot.StartAsync();

        using var refused = await bot.PostUpdateAsync(BotJson.TextUpdate(601, "/help"), secret);
        using var accepted = await bot.PostUpdateAsync(BotJson.TextUpdate(602, "/start"));

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        await bot.WaitForAsync("sendMessage", 1);
        await Task.Delay(300);
        bot.Api.RequestsFor("sendMessage").Should().ContainSingle("only the update with the secret was handled");
        (await bot.Get<DigestBot.Telegram.IUpdateOffsetStore>().GetAsync(CancellationToken.None)).Should().Be(602);
    }

    [Fact]
    public async Task An_update_Telegram_delivers_twice_is_answered_once()
    {
        await using var bot = await WebBot.StartAsync();

        using var first = await bot.PostUpdateAsync(BotJson.TextUpdate(701, "/help"));
        using var again = await bot.PostUpdateAsync(BotJson.TextUpdate(701, "/help"));
        using var next = await bot.PostUpdateAsync(BotJson.TextUpdate(702, "/start"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK, "Telegram must not repeat it a third time");
        await bot.WaitForAsync("sendMessage", 2);
        var metrics = await bot.MetricsOnceTheyHoldAsync(
            "digestbot_updates_handled_total{outcome=\"duplicate\",type=\"message\"} 1\n",
            "digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 2\n");
        bot.Api.RequestsFor("sendMessage").Should().HaveCount(2, "/help once and /start once");
        metrics.Should().Contain("digestbot_updates_handled_total{outcome=\"duplicate\",type=\"message\"} 1\n");
        metrics.Should().Contain("digestbot_updates_handled_total{outcome=\"handled\",type=\"message\"} 2\n");
    }

    [Fact]
    public async Task An_update_that_arrives_late_out_of_order_is_still_answered()
    {
        await using var bot = await WebBot.StartAsync();

        (await bot.PostUpdateAsync(BotJson.TextUpdate(802, "/help"))).Dispose();
        (await bot.PostUpdateAsync(BotJson.TextUpdate(801, "/start"))).Dispose();

        await bot.WaitForAsync("sendMessage", 2);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("{\"update_id\": \"many\"}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_update_gets_400_and_the_bot_goes_on(string body)
    {
        await using var bot = await WebBot.StartAsync();

        using var garbage = await bot.PostAsync(body);
        using var update = await bot.PostUpdateAsync(BotJson.TextUpdate(901, "/help"));

        garbage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        update.StatusCode.Should().Be(HttpStatusCode.OK);
        await bot.WaitForAsync("sendMessage", 1);
    }

    [Fact]
    public async Task An_update_with_an_id_that_does_not_read_is_confirmed_and_skipped_so_Telegram_does_not_repeat_it()
    {
        await using var bot = await WebBot.StartAsync();

        using var broken = await bot.PostAsync("{\"update_id\": 951, \"message\": {\"message_id\": \"x\", \"chat\": 7}}");
        using var next = await bot.PostUpdateAsync(BotJson.TextUpdate(952, "/help"));

        broken.StatusCode.Should().Be(HttpStatusCode.OK);
        await bot.WaitForAsync("sendMessage", 1);
        var metrics = await bot.MetricsOnceTheyHoldAsync("outcome=\"unreadable\"", "outcome=\"handled\"");
        metrics.Should().Contain("outcome=\"unreadable\"");
        (await bot.Get<DigestBot.Telegram.IUpdateOffsetStore>().GetAsync(CancellationToken.None)).Should().Be(952);
    }

    [Fact]
    public async Task A_webhook_Telegram_refuses_stops_the_bot_with_a_failing_exit_code()
    {
        var api = await FakeBotApi.StartAsync();
        api.AnswerByDefault("setWebhook", FakeAnswer.Error(400, "Bad Request: bad webhook: Failed to resolve host: Name or service not known"));
        await using var bot = await WebBot.StartAsync(api: api);

        (await bot.Exited.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(1);
        bot.Logs.Lines.Should().Contain(line => line.Contains("unable to set the webhook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_shutdown_the_updates_already_accepted_are_still_answered()
    {
        var api = await FakeBotApi.StartAsync();
        // Each reply takes a while, so the shutdown comes while most are still queued.
        api.AnswerByDefault("sendMessage", new FakeAnswer(async context =>
        {
            await Task.Delay(200);
            await FakeAnswer.Ok(BotJson.Message(1, 42, "ok")).WriteAsync(context);
        }));
        await using var bot = await WebBot.StartAsync(api: api);
        await bot.WaitForAsync("setWebhook", 1);

        for (var id = 1001; id <= 1005; id++)
        {
            using var response = await bot.PostUpdateAsync(BotJson.TextUpdate(id, "/help"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await bot.StopAsync();

        api.RequestsFor("sendMessage").Should().HaveCount(5, "every accepted update is answered before the bot stops");
        api.RequestsFor("deleteWebhook").Should().BeEmpty("Telegram keeps updates for the next start");
    }

    [Fact]
    public async Task Another_chat_is_answered_while_a_slow_one_waits_and_the_slow_chat_is_answered_in_order()
    {
        var api = await FakeBotApi.StartAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Replies to chat 7 hang until released, as if Telegram were slow for that chat.
        api.AnswerByDefault("sendMessage", async (request, cancellationToken) =>
        {
            if (request.Body["chat_id"]!.GetValue<long>() == 7)
            {
                await held.Task.WaitAsync(cancellationToken);
            }

            return FakeAnswer.Ok(BotJson.Message(1, request.Body["chat_id"]!.GetValue<long>(), "ok"));
        });
        await using var bot = await WebBot.StartAsync(api: api);
        await bot.WaitForAsync("setWebhook", 1);

        foreach (var (id, chat, text) in new[] { (1101L, 7L, "/help"), (1102, 7, "/weather"), (1103, 8, "/help") })
        {
            using var response = await bot.PostUpdateAsync(new JsonObject { ["update_id"] = id, ["message"] = BotJson.Message((int)id, chat, text) });
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var whileHeld = await bot.WaitForAsync("sendMessage", 2);
        var confirmedWhileHeld = await bot.Get<DigestBot.Telegram.IUpdateOffsetStore>().GetAsync(CancellationToken.None);
        held.SetResult();
        var replies = await bot.WaitForAsync("sendMessage", 3);

        whileHeld.Select(r => r.Body["chat_id"]!.GetValue<long>()).Should().Equal([7L, 8L], "chat 8 is answered while chat 7's first reply hangs, and chat 7's second waits");
        confirmedWhileHeld.Should().BeNull("no update is confirmed while one before it is still being handled");
        replies.Where(r => r.Body["chat_id"]!.GetValue<long>() == 7).Select(r => r.Body["text"]!.GetValue<string>())
            .Should().SatisfyRespectively(help => help.Should().Contain("/latest"), unknown => unknown.Should().Contain("/weather"));
        await WaitForOffsetAsync(bot, 1103);
    }

    private static async Task WaitForOffsetAsync(WebBot bot, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await bot.Get<DigestBot.Telegram.IUpdateOffsetStore>().GetAsync(CancellationToken.None) != expected)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the offset should reach {0}", expected);
            await Task.Delay(20);
        }
    }
}
