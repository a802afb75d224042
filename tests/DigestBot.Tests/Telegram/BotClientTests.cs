using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Telegram;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Tests.Telegram;

public sealed class BotClientTests : IAsyncLifetime
{
    private readonly TestClock time = new(autoAdvance: true);
    private FakeBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task SendMessage_posts_snake_case_json_to_the_method_path()
    {
        api.Enqueue("sendMessage", FakeAnswer.Ok(BotJson.Message(7, -1001234, "<b>News</b>", "supergroup")));
        await using var bot = Harness();

        var message = await bot.Client.SendMessage(
            -1001234,
            "<b>News</b>",
            ParseMode.Html,
            new ReplyParameters { MessageId = 3, AllowSendingWithoutReply = true },
            new InlineKeyboardMarkup([[
                InlineKeyboardButton.WithCallbackData("More", "more:1"),
                InlineKeyboardButton.WithUrl("Open", "https://example.org/a"),
            ]]),
            new LinkPreviewOptions { IsDisabled = true });

        var request = api.Requests.Should().ContainSingle().Subject;
        request.Path.Should().Be($"/bot{FakeBotApi.Token}/sendMessage");
        request.ContentType.Should().StartWith("application/json");
        JsonNode.DeepEquals(request.Body, JsonNode.Parse("""
            {
              "chat_id": -1001234,
              "text": "<b>News</b>",
              "parse_mode": "Html",
              "reply_markup": { "inline_keyboard": [[
                { "text": "More", "callback_data": "more:1" },
                { "text": "Open", "url": "https://example.org/a" }
              ]] },
              "link_preview_options": { "is_disabled": true },
              "reply_parameters": { "message_id": 3, "allow_sending_without_reply": true }
            }
            """)).Should().BeTrue(because: "the body was {0}", request.Body.ToJsonString());
        message.MessageId.Should().Be(7);
        message.Chat.Type.Should().Be(ChatType.Supergroup);
        message.Date.Should().Be(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("-1001234", "-1001234")]
    [InlineData("@digest_news", "\"@digest_news\"")]
    public async Task Chat_id_is_written_as_a_number_or_an_at_name(string chat, string expectedJson)
    {
        api.Enqueue("getChat", FakeAnswer.Ok(BotJson.Chat(-1001234, "channel")));
        await using var bot = Harness();
        ChatId chatId = chat.StartsWith('@') ? chat : long.Parse(chat, System.Globalization.CultureInfo.InvariantCulture);

        var result = await bot.Client.GetChat(chatId);

        api.Requests.Single().Body["chat_id"]!.ToJsonString().Should().Be(expectedJson);
        result.Type.Should().Be(ChatType.Channel);
    }

    [Fact]
    public async Task Fields_left_null_are_omitted()
    {
        await using var bot = Harness();

        await bot.Client.AnswerCallbackQuery("query-1");
        await bot.Client.DeleteWebhook();

        api.Requests.Select(request => request.Body.ToJsonString())
            .Should().Equal("""{"callback_query_id":"query-1"}""", "{}");
    }

    [Fact]
    public async Task Every_method_reads_its_result()
    {
        var member = new JsonObject { ["status"] = "administrator", ["user"] = BotJson.User(99), ["can_post_messages"] = true };
        api.Enqueue("getMe", FakeAnswer.Ok(new JsonObject { ["id"] = 99, ["is_bot"] = true, ["first_name"] = "Digest", ["username"] = "digest_bot" }));
        api.Enqueue("getUpdates", FakeAnswer.Ok(BotJson.Updates(5)));
        api.Enqueue("sendMessage", FakeAnswer.Ok(BotJson.Message(1, 42, "a")));
        api.Enqueue("editMessageText", FakeAnswer.Ok(BotJson.Message(1, 42, "b")));
        api.Enqueue("editMessageReplyMarkup", FakeAnswer.Ok(BotJson.Message(1, 42, "b")));
        api.Enqueue("getChatMember", FakeAnswer.Ok(member));
        api.Enqueue("getChat", FakeAnswer.Ok(BotJson.Chat(42)));
        await using var bot = Harness();
        var client = bot.Client;

        (await client.GetMe()).Username.Should().Be("digest_bot");
        (await client.SendRequest(new RawUpdatesRequest { Offset = 5, Limit = 10, Timeout = 0, AllowedUpdates = [UpdateType.Message] }))
            .Should().ContainSingle().Which.GetProperty("message").GetProperty("text").GetString().Should().Be("/latest");
        await client.DeleteWebhook(dropPendingUpdates: false);
        await client.SetWebhook("https://bot.example.org/hook", secretToken: "s3cret", maxConnections: 4);
        (await client.SendMessage(42, "a")).Text.Should().Be("a");
        (await client.EditMessageText(42, 1, "b", ParseMode.MarkdownV2)).Text.Should().Be("b");
        (await client.EditMessageReplyMarkup(42, 1)).MessageId.Should().Be(1);
        await client.DeleteMessage(42, 1);
        await client.AnswerCallbackQuery("q", "Saved", showAlert: false);
        await client.SetMyCommands([new BotCommand { Command = "latest", Description = "Latest news" }], BotCommandScope.AllPrivateChats(), "en");
        var chatMember = await client.GetChatMember("@digest_news", 99);
        (await client.GetChat(42)).Type.Should().Be(ChatType.Private);

        chatMember.Should().BeOfType<ChatMemberAdministrator>().Which.Should().BeEquivalentTo(new { Status = ChatMemberStatus.Administrator, CanPostMessages = true, User = new { Id = 99 } });
        api.Requests.Select(request => request.Method).Should().Equal(
            "getMe", "getUpdates", "deleteWebhook", "setWebhook", "sendMessage", "editMessageText", "editMessageReplyMarkup",
            "deleteMessage", "answerCallbackQuery", "setMyCommands", "getChatMember", "getChat");
        JsonNode.DeepEquals(api.RequestsFor("getUpdates").Single().Body, JsonNode.Parse("""{"offset":5,"limit":10,"timeout":0,"allowed_updates":["message"]}"""))
            .Should().BeTrue();
        JsonNode.DeepEquals(api.RequestsFor("setMyCommands").Single().Body, JsonNode.Parse("""
            {"commands":[{"command":"latest","description":"Latest news"}],"scope":{"type":"all_private_chats"},"language_code":"en"}
            """)).Should().BeTrue();
    }

    [Fact]
    public async Task Updates_of_every_modelled_kind_read_and_unknown_kinds_are_skipped()
    {
        api.Enqueue("getUpdates", FakeAnswer.Ok(JsonNode.Parse("""
            [
              { "update_id": 1, "message_reaction": { "chat": { "id": 1, "type": "private" }, "new_reaction": [] } },
              { "update_id": 2, "message": { "message_id": 10, "date": 1767225600, "chat": { "id": 42, "type": "private" },
                  "text": "/search rust", "entities": [{ "type": "bot_command", "offset": 0, "length": 7 }], "some_future_field": {} } },
              { "update_id": 3, "channel_post": { "message_id": 11, "date": 1767225600, "chat": { "id": -100, "type": "channel", "title": "News" } } },
              { "update_id": 4, "callback_query": { "id": "cb", "from": { "id": 42, "is_bot": false, "first_name": "Ann" }, "data": "more:2",
                  "message": { "message_id": 12, "date": 1767225600, "chat": { "id": 42, "type": "private" } } } },
              { "update_id": 5, "my_chat_member": { "chat": { "id": -100, "type": "channel" }, "from": { "id": 42, "is_bot": false, "first_name": "Ann" },
                  "date": 1767225600, "old_chat_member": { "status": "left", "user": { "id": 99, "is_bot": true, "first_name": "Digest" } },
                  "new_chat_member": { "status": "administrator", "user": { "id": 99, "is_bot": true, "first_name": "Digest" }, "can_post_messages": true } } },
              { "update_id": 6, "edited_message": { "message_id": 10, "date": 1767225600, "chat": { "id": 42, "type": "private" }, "text": "/search go" } },
              { "update_id": 7, "message": { "message_id": 13, "date": 1767225600, "chat": { "id": -5, "type": "group" }, "migrate_to_chat_id": -1005 } }
            ]
            """)));
        await using var bot = Harness();

        var updates = (await bot.Client.SendRequest(new RawUpdatesRequest())).Select(element => UpdateJson.Read(element)!.Update!).ToList();

        updates.Select(update => update.Id).Should().Equal(1, 2, 3, 4, 5, 6, 7);
        updates[0].Type.Should().Be(UpdateType.MessageReaction);
        updates[1].Message!.Entities.Should().ContainSingle().Which.Should().BeEquivalentTo(new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = 7 });
        updates[2].ChannelPost!.Chat.Title.Should().Be("News");
        updates[3].CallbackQuery!.Data.Should().Be("more:2");
        updates[4].MyChatMember!.NewChatMember.Should().BeEquivalentTo(new { Status = ChatMemberStatus.Administrator, CanPostMessages = true });
        updates[5].EditedMessage!.Text.Should().Be("/search go");
        updates[6].Message!.MigrateToChatId.Should().Be(-1005);
    }

    [Fact]
    public async Task Flood_limit_is_waited_out_then_the_request_repeated()
    {
        api.Enqueue("sendMessage",
            FakeAnswer.Error(429, "Too Many Requests: retry after 3", retryAfter: 3),
            FakeAnswer.Ok(BotJson.Message(8, 42, "hi")));
        await using var bot = Harness();

        var message = await bot.Client.SendMessage(42, "hi");

        message.MessageId.Should().Be(8);
        api.RequestsFor("sendMessage").Should().HaveCount(2);
        time.Delays.Should().Equal(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Flood_limit_beyond_MaxRetryAfter_fails_at_once_with_RetryAfter()
    {
        api.Enqueue("sendMessage", FakeAnswer.Error(429, "Too Many Requests: retry after 120", retryAfter: 120));
        await using var bot = Harness(options => options.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var act = () => bot.Client.SendMessage(42, "hi");

        var error = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        error.ErrorCode.Should().Be(429);
        error.Parameters!.RetryAfter.Should().Be(120);
        api.Requests.Should().ContainSingle();
        time.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task A_flood_limit_beyond_MaxRetryAfter_still_holds_back_every_other_send_for_its_retry_after()
    {
        api.Enqueue("sendMessage",
            FakeAnswer.Error(429, "Too Many Requests: retry after 120", retryAfter: 120),
            FakeAnswer.Ok(BotJson.Message(9, 43, "next")));
        await using var bot = Harness(options => options.MaxRetryAfter = TimeSpan.FromSeconds(60));
        var failed = () => bot.Client.SendMessage(42, "hi");
        await failed.Should().ThrowAsync<ApiRequestException>();
        var before = time.GetUtcNow();

        var next = await bot.Client.SendMessage(43, "next");

        next.MessageId.Should().Be(9);
        (time.GetUtcNow() - before).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(119), "Telegram holds back the whole bot, not one call");
    }

    [Fact]
    public async Task Flood_limits_stop_being_waited_out_after_MaxRetries()
    {
        var flood = FakeAnswer.Error(429, "Too Many Requests: retry after 1", retryAfter: 1);
        api.Enqueue("sendMessage", flood, flood, flood, FakeAnswer.Ok(BotJson.Message(1, 42, "late")));
        await using var bot = Harness(options => options.MaxRetries = 2);

        var act = () => bot.Client.SendMessage(42, "hi");

        (await act.Should().ThrowAsync<ApiRequestException>()).Which.Parameters!.RetryAfter.Should().Be(1);
        api.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Server_errors_are_repeated_with_backoff()
    {
        api.Enqueue("getMe",
            FakeAnswer.Error(500, "Internal Server Error"),
            FakeAnswer.Raw(502, "<html><body>502 Bad Gateway</body></html>"),
            FakeAnswer.Ok(BotJson.User(99)));
        await using var bot = Harness(options => options.RetryBaseDelay = TimeSpan.FromSeconds(1));

        var me = await bot.Client.GetMe();

        me.Id.Should().Be(99);
        api.Requests.Should().HaveCount(3);
        time.Delays.Should().HaveCount(2).And.OnlyContain(delay => delay > TimeSpan.Zero && delay <= TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(400, "Bad Request: chat not found")]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(404, "Not Found")]
    public async Task Client_errors_are_not_repeated(int errorCode, string description)
    {
        api.Enqueue("sendMessage", FakeAnswer.Error(errorCode, description), FakeAnswer.Ok(BotJson.Message(1, 42, "hi")));
        await using var bot = Harness();

        var act = () => bot.Client.SendMessage(42, "hi");

        var error = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        error.Should().BeEquivalentTo(new { ErrorCode = errorCode, Message = description, Parameters = (ResponseParameters?)null });
        api.Requests.Should().ContainSingle();
        time.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task Migration_to_a_supergroup_is_surfaced()
    {
        api.Enqueue("sendMessage", FakeAnswer.Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateToChatId: -1001234567890));
        await using var bot = Harness();

        var act = () => bot.Client.SendMessage(-5, "hi");

        (await act.Should().ThrowAsync<ApiRequestException>()).Which.Parameters!.MigrateToChatId.Should().Be(-1001234567890);
        api.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("server error")]
    [InlineData("dropped after the request went out")]
    public async Task A_new_message_that_Telegram_may_have_taken_is_not_sent_twice(string failure)
    {
        api.Enqueue("sendMessage",
            failure == "server error" ? FakeAnswer.Error(502, "Bad Gateway") : FakeAnswer.Drop(),
            FakeAnswer.Ok(BotJson.Message(8, 42, "hi")));
        await using var bot = Harness();

        var act = () => bot.Client.SendMessage(42, "hi");

        await act.Should().ThrowAsync<RequestException>();
        api.RequestsFor("sendMessage").Should().ContainSingle("a reader would rather miss a message than get it twice");
    }

    [Fact]
    public async Task Dropped_connection_is_repeated()
    {
        api.Enqueue("getMe", FakeAnswer.Drop(), FakeAnswer.Ok(BotJson.User(99)));
        await using var bot = Harness();

        var me = await bot.Client.GetMe();

        me.Id.Should().Be(99);
        api.Requests.Should().HaveCount(2);
        time.Delays.Should().ContainSingle();
    }

    [Fact]
    public async Task Dropped_connections_beyond_MaxRetries_are_a_transport_error()
    {
        api.Enqueue("getMe", FakeAnswer.Drop(), FakeAnswer.Drop(), FakeAnswer.Ok(BotJson.User(99)));
        await using var bot = Harness(options => options.MaxRetries = 1);

        var act = () => bot.Client.GetMe();

        var error = (await act.Should().ThrowAsync<RequestException>()).Which;
        error.Should().NotBeOfType<ApiRequestException>();
        error.InnerException.Should().BeOfType<HttpRequestException>();
        error.HttpStatusCode.Should().BeNull();
        api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_body_that_is_not_an_envelope_is_a_transport_error()
    {
        api.Enqueue("getMe", FakeAnswer.Raw(200, "<html>captive portal</html>"));
        await using var bot = Harness();

        var act = () => bot.Client.GetMe();

        var error = (await act.Should().ThrowAsync<RequestException>()).Which;
        error.HttpStatusCode.Should().Be(HttpStatusCode.OK);
        error.InnerException.Should().BeAssignableTo<JsonException>();
        api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_with_the_callers_token()
    {
        api.Enqueue("getMe", FakeAnswer.Hang());
        await using var bot = Harness(options => options.RequestTimeout = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => bot.Client.GetMe(cancellation.Token);

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancellation.Token);
        api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Timeout_surfaces_as_a_transport_error_with_a_TimeoutException()
    {
        api.Enqueue("getMe", FakeAnswer.Hang(), FakeAnswer.Ok(BotJson.User(99)));
        await using var bot = Harness(options => options.RequestTimeout = TimeSpan.FromMilliseconds(150));

        var act = () => bot.Client.GetMe(CancellationToken.None);

        var error = (await act.Should().ThrowAsync<RequestException>()).Which;
        error.InnerException.Should().BeOfType<TimeoutException>();
        error.Message.Should().Be("telegram: unable to call getMe: no answer within 0.15 s");
        api.Requests.Should().ContainSingle(because: "a request that timed out may have been carried out");
    }

    [Fact]
    public async Task The_token_appears_in_no_error_and_no_log_line()
    {
        api.Enqueue("sendMessage",
            FakeAnswer.Error(403, "Forbidden: bot was kicked from the group chat"),
            FakeAnswer.Drop(),
            FakeAnswer.Raw(200, "not json"),
            FakeAnswer.Hang());
        var errors = new List<Exception>();
        LogRecorder logs;
        // Long enough that a loaded machine still answers the first three in time; only the hanging call times out.
        await using (var bot = Harness(options => { options.MaxRetries = 0; options.RequestTimeout = TimeSpan.FromSeconds(2); }))
        {
            logs = bot.Logs;
            for (var attempt = 0; attempt < 4; attempt++)
            {
                errors.Add(await CatchAsync(() => bot.Client.SendMessage(42, "hi")));
            }
        }

        await using (var refused = Harness(options => options.ApiBaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}")))
        {
            errors.Add(await CatchAsync(() => refused.Client.GetMe()));
        }

        // A handler further down the pipeline may quote the request URI in its error.
        await using (var quoting = Harness(configureServices: services =>
            services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new UriQuotingHandler()))))
        {
            errors.Add(await CatchAsync(() => quoting.Client.GetMe()));
        }

        errors.Select(error => error.GetType()).Should().Equal(
            typeof(ApiRequestException), typeof(RequestException), typeof(RequestException),
            typeof(RequestException), typeof(RequestException), typeof(RequestException));
        errors.Should().OnlyContain(error => !error.ToString().Contains(FakeBotApi.Token));
        errors[^1].Message.Should().Contain("/bot<token>/getMe");
        logs.Lines.Should().Contain(line => line.Contains("sendMessage"))
            .And.OnlyContain(line => !line.Contains(FakeBotApi.Token));
    }

    private BotClientHarness Harness(Action<BotClientOptions>? configure = null, Action<IServiceCollection>? configureServices = null) =>
        new(api, time, configure, configureServices);

    private static async Task<Exception> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("the call was expected to fail");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class UriQuotingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"proxy refused {request.RequestUri}");
    }
}
