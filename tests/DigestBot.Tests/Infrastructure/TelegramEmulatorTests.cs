using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DigestBot.Tests.Infrastructure;

/// <summary>Pins down how the emulator behaves, playing the bot with raw Bot API calls.</summary>
[Trait("Category", "Slow")]
[Collection(TelegramEmulatorCollection.Name)]
public sealed class TelegramEmulatorTests : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    private readonly TelegramEmulator emulator;
    private readonly string token = TelegramEmulator.CreateBotToken();
    private readonly HttpClient bot;

    public TelegramEmulatorTests(TelegramEmulator emulator)
    {
        this.emulator = emulator;
        bot = new HttpClient { BaseAddress = new Uri(emulator.ApiBaseUrl, $"./bot{token}/") };
    }

    public void Dispose() => bot.Dispose();

    [Fact]
    public void Bot_token_looks_like_a_real_one() =>
        emulator.BotToken.Should().MatchRegex("^[0-9]{9,10}:AA[A-Za-z0-9_-]{33}$");

    [Fact]
    public async Task Start_command_reaches_the_bot_with_the_users_language()
    {
        var user = emulator.CreateUser(languageCode: "ru", botToken: token);

        await user.SendCommandAsync("/start");

        var update = (await GetUpdatesAsync()).Should().ContainSingle().Subject;
        update.GetProperty("update_id").GetInt64().Should().BePositive();
        var message = update.GetProperty("message");
        message.GetProperty("message_id").GetInt64().Should().BePositive();
        message.GetProperty("text").GetString().Should().Be("/start");
        message.GetProperty("entities")[0].GetProperty("type").GetString().Should().Be("bot_command");
        message.GetProperty("entities")[0].GetProperty("length").GetInt32().Should().Be(6);
        message.GetProperty("from").GetProperty("id").GetInt64().Should().Be(user.Id);
        message.GetProperty("from").GetProperty("language_code").GetString().Should().Be("ru");
        message.GetProperty("chat").GetProperty("id").GetInt64().Should().Be(user.Id);
        message.GetProperty("chat").GetProperty("type").GetString().Should().Be("private");
    }

    [Fact]
    public async Task Get_updates_hands_out_each_update_once_whatever_the_offset_and_never_waits()
    {
        var user = emulator.CreateUser(botToken: token);
        await user.SendMessageAsync("one");
        await user.SendMessageAsync("two");

        var first = await GetUpdatesAsync(offset: 0);
        var polling = Stopwatch.StartNew();
        var again = await GetUpdatesAsync(offset: 0, timeout: 10);

        first.Select(update => update.GetProperty("message").GetProperty("text").GetString())
            .Should().Equal("one", "two");
        again.Should().BeEmpty("the emulator marks updates read when it hands them out");
        polling.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the emulator ignores the long-poll timeout");
    }

    [Fact]
    public async Task Bot_reply_reaches_the_user_with_its_parse_mode_and_inline_keyboard()
    {
        var user = emulator.CreateUser(languageCode: "en", botToken: token);
        await user.SendCommandAsync("/start");
        var chatId = (await GetUpdatesAsync()).Single().GetProperty("message").GetProperty("chat").GetProperty("id").GetInt64();

        var (status, sent) = await CallAsync("sendMessage", new
        {
            chat_id = chatId,
            text = "<b>Welcome</b>",
            parse_mode = "HTML",
            reply_markup = new
            {
                inline_keyboard = new[]
                {
                    new object[]
                    {
                        new { text = "Settings", callback_data = "settings" },
                        new { text = "Site", url = "https://example.org/" },
                    },
                },
            },
        });

        status.Should().Be(HttpStatusCode.OK);
        sent.GetProperty("ok").GetBoolean().Should().BeTrue();
        var result = sent.GetProperty("result");
        result.GetProperty("chat").GetProperty("id").GetInt64().Should().Be(user.Id);
        result.GetProperty("text").GetString().Should().Be("<b>Welcome</b>", "the emulator neither parses HTML nor adds entities");
        result.GetProperty("date").GetInt64().Should().BeCloseTo(
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 60_000, "the emulator dates bot messages in milliseconds");
        var reply = (await user.WaitForBotRepliesAsync(1, ReplyTimeout)).Single();
        reply.MessageId.Should().Be(result.GetProperty("message_id").GetInt64());
        reply.Chat.Should().Be(user.PrivateChat);
        reply.Text.Should().Be("<b>Welcome</b>");
        reply.ParseMode.Should().Be("HTML");
        reply.InlineKeyboard.Should().ContainSingle().Which.Should().Equal(
            new InlineButton("Settings", "settings", null),
            new InlineButton("Site", null, "https://example.org/"));
    }

    [Fact]
    public async Task Taking_new_bot_messages_returns_each_message_of_the_chat_once()
    {
        var user = emulator.CreateUser(botToken: token);
        var other = emulator.CreateUser(botToken: token);
        await CallAsync("sendMessage", new { chat_id = user.Id, text = "one" });
        await CallAsync("sendMessage", new { chat_id = other.Id, text = "elsewhere" });
        await CallAsync("sendMessage", new { chat_id = user.Id, text = "two" });

        var first = await user.TakeNewBotMessagesAsync();
        var none = await user.TakeNewBotMessagesAsync();
        await CallAsync("sendMessage", new { chat_id = user.Id, text = "three" });
        var last = await user.TakeNewBotMessagesAsync();

        first.Select(message => message.Text).Should().Equal("one", "two");
        none.Should().BeEmpty();
        last.Select(message => message.Text).Should().Equal("three");
        (await other.TakeNewBotMessagesAsync()).Select(message => message.Text).Should().Equal("elsewhere");
    }

    [Fact]
    public async Task Pressed_button_reaches_the_bot_as_a_callback_query()
    {
        var user = emulator.CreateUser(languageCode: "kk", botToken: token);
        await CallAsync("sendMessage", new
        {
            chat_id = user.Id,
            text = "Pick one",
            reply_markup = new { inline_keyboard = new[] { new[] { new { text = "More", callback_data = "more:2" } } } },
        });
        var reply = (await user.WaitForBotRepliesAsync(1, ReplyTimeout)).Single();

        await user.PressButtonAsync(reply, "more:2");

        var callback = (await GetUpdatesAsync()).Should().ContainSingle().Subject.GetProperty("callback_query");
        callback.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
        callback.GetProperty("data").GetString().Should().Be("more:2");
        callback.GetProperty("from").GetProperty("id").GetInt64().Should().Be(user.Id);
        callback.GetProperty("from").GetProperty("language_code").GetString().Should().Be("kk");
        callback.GetProperty("message").GetProperty("message_id").GetInt64().Should().Be(reply.MessageId);
        callback.GetProperty("message").GetProperty("chat").GetProperty("id").GetInt64().Should().Be(user.Id);
        callback.TryGetProperty("chat_instance", out _).Should().BeFalse("the emulator keeps only id, from, message and data");
        var (status, answered) = await CallAsync("answerCallbackQuery", new
        {
            callback_query_id = callback.GetProperty("id").GetString(),
            text = "Done",
        });
        status.Should().Be(HttpStatusCode.OK);
        answered.GetProperty("ok").GetBoolean().Should().BeTrue();
        answered.GetProperty("result").ValueKind.Should().Be(JsonValueKind.Null, "real Telegram answers true");
    }

    [Fact]
    public async Task Pressing_a_button_the_message_lacks_fails_in_the_test()
    {
        var user = emulator.CreateUser(botToken: token);
        await CallAsync("sendMessage", new { chat_id = user.Id, text = "No buttons" });
        var reply = (await user.WaitForBotRepliesAsync(1, ReplyTimeout)).Single();

        var press = () => user.PressButtonAsync(reply, "missing");

        await press.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Edits_and_deletions_change_what_the_user_sees()
    {
        var user = emulator.CreateUser(botToken: token);
        var (_, sent) = await CallAsync("sendMessage", new
        {
            chat_id = user.Id,
            text = "Draft",
            reply_markup = new { inline_keyboard = new[] { new[] { new { text = "Old", callback_data = "old" } } } },
        });
        var messageId = sent.GetProperty("result").GetProperty("message_id").GetInt64();

        var (_, editedText) = await CallAsync("editMessageText", new
        {
            chat_id = user.Id,
            message_id = messageId,
            text = "<i>Final</i>",
            parse_mode = "HTML",
        });
        var (_, editedMarkup) = await CallAsync("editMessageReplyMarkup", new
        {
            chat_id = user.Id,
            message_id = messageId,
            reply_markup = new { inline_keyboard = new[] { new[] { new { text = "New", callback_data = "new" } } } },
        });

        editedText.GetProperty("result").ValueKind.Should().Be(JsonValueKind.Null, "real Telegram answers the edited message");
        editedMarkup.GetProperty("result").ValueKind.Should().Be(JsonValueKind.Null);
        var edited = (await user.GetAllBotMessagesAsync()).Should().ContainSingle().Subject;
        edited.MessageId.Should().Be(messageId);
        edited.Text.Should().Be("<i>Final</i>");
        edited.ParseMode.Should().Be("HTML");
        edited.Buttons.Should().Equal(new InlineButton("New", "new", null));

        var (deletedStatus, deleted) = await CallAsync("deleteMessage", new { chat_id = user.Id, message_id = messageId });
        var (missingStatus, missing) = await CallAsync("deleteMessage", new { chat_id = user.Id, message_id = messageId });

        deletedStatus.Should().Be(HttpStatusCode.OK);
        deleted.GetProperty("ok").GetBoolean().Should().BeTrue();
        (await user.GetAllBotMessagesAsync()).Should().BeEmpty();
        missingStatus.Should().Be(HttpStatusCode.OK, "the emulator puts Bot API errors in a 200 response");
        missing.GetProperty("ok").GetBoolean().Should().BeFalse();
        missing.GetProperty("error_code").GetInt32().Should().Be(400);
    }

    [Fact]
    public async Task Group_messages_carry_the_group_and_replies_stay_in_it()
    {
        var user = emulator.CreateUser(botToken: token);
        var group = EmulatedChat.Supergroup(-1_001_234_567_890, "Readers");

        await user.SendCommandAsync("/digest@TestNameBot", group);
        var message = (await GetUpdatesAsync()).Single().GetProperty("message");
        await CallAsync("sendMessage", new { chat_id = group.Id, text = "Digest" });

        message.GetProperty("chat").GetProperty("id").GetInt64().Should().Be(group.Id);
        message.GetProperty("chat").GetProperty("type").GetString().Should().Be("supergroup");
        message.GetProperty("chat").GetProperty("title").GetString().Should().Be("Readers");
        message.GetProperty("from").GetProperty("id").GetInt64().Should().Be(user.Id);
        (await user.WaitForBotRepliesAsync(1, ReplyTimeout, group)).Single().Text.Should().Be("Digest");
        (await user.GetAllBotMessagesAsync()).Should().BeEmpty("the reply went to the group, not the private chat");
    }

    [Fact]
    public async Task Waiting_for_a_reply_that_never_comes_times_out()
    {
        var user = emulator.CreateUser(botToken: token);

        var waiting = () => user.WaitForBotRepliesAsync(1, TimeSpan.FromMilliseconds(300));

        await waiting.Should().ThrowAsync<TimeoutException>();
    }

    [Fact]
    public async Task Get_me_describes_a_fixed_bot()
    {
        var (status, me) = await CallAsync("getMe");

        status.Should().Be(HttpStatusCode.OK);
        var result = me.GetProperty("result");
        result.GetProperty("id").GetInt64().Should().Be(666);
        result.GetProperty("username").GetString().Should().Be("TestNameBot");
        result.TryGetProperty("is_bot", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Webhook_methods_succeed()
    {
        var (_, set) = await CallAsync("setWebhook", new { url = "http://127.0.0.1:9/telegram" });
        var (_, deleted) = await CallAsync("deleteWebhook");

        set.GetProperty("ok").GetBoolean().Should().BeTrue();
        deleted.GetProperty("ok").GetBoolean().Should().BeTrue();
        deleted.GetProperty("result").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("setMyCommands")]
    [InlineData("getChatMember")]
    [InlineData("sendChatAction")]
    public async Task Unsupported_methods_answer_500_without_the_bot_api_envelope(string method)
    {
        var (status, body) = await CallAsync(method, new { chat_id = 1 });

        status.Should().Be(HttpStatusCode.InternalServerError);
        body.TryGetProperty("ok", out _).Should().BeFalse();
        body.GetProperty("message").GetString().Should().StartWith($"API method '{method}' is not supported.");
    }

    private async Task<IReadOnlyList<JsonElement>> GetUpdatesAsync(long? offset = null, int timeout = 0)
    {
        var (status, body) = await CallAsync("getUpdates", new { offset, timeout });
        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("ok").GetBoolean().Should().BeTrue();
        return body.GetProperty("result").EnumerateArray().ToList();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string method, object? parameters = null)
    {
        using var response = await bot.PostAsJsonAsync(method, parameters ?? new { });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
