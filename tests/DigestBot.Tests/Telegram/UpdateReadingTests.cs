using DigestBot.Telegram;
using DigestBot.Tests.Infrastructure;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Telegram;

/// <summary>getUpdates answers as raw JSON, read one update at a time with Telegram.Bot's settings: each broken update costs only itself.</summary>
public sealed class UpdateReadingTests : IAsyncLifetime
{
    private const string Chat = """{"id":42,"type":"private","first_name":"Ann"}""";
    private const string From = """{"id":42,"is_bot":false,"first_name":"Ann"}""";
    private FakeBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task A_date_in_seconds_reads()
    {
        var update = await ReadOneAsync($$$"""{"update_id":1,"message":{"message_id":1,"from":{{{From}}},"chat":{{{Chat}}},"date":1767225600,"text":"/latest"}}""");

        update.ReadError.Should().BeNull();
        update.Update!.Message!.Date.Should().Be(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("\"date\":-9223372036854775808")]
    [InlineData("\"date\":9223372036854775807")]
    [InlineData("\"date\":-1e400")]
    [InlineData("\"date\":1e400")]
    [InlineData("\"date\":1767225600.9")]
    [InlineData("\"date\":1767225600000")]
    public async Task A_date_no_DateTime_holds_costs_only_its_update(string date)
    {
        var update = await ReadOneAsync($$$"""{"update_id":1,"message":{"message_id":1,"from":{{{From}}},"chat":{{{Chat}}},{{{date}}},"text":"/latest"}}""");

        update.Id.Should().Be(1);
        update.ReadError.Should().NotBeNull();
        update.Update.Should().BeNull();
    }

    [Theory]
    [InlineData("a\\ud800b", "a\ufffdb")]
    [InlineData("\\udfff", "\ufffd")]
    [InlineData("\\ud83d\\ude00 \\ud83d", "\U0001F600 \ufffd")]
    [InlineData("\\ud83d\\u0041\\n\\\"", "\ufffdA\n\"")]
    [InlineData("\\/latest \\u00e9", "/latest é")]
    public async Task A_lone_surrogate_in_a_text_reads_as_a_replacement_character(string json, string expected)
    {
        var update = await ReadOneAsync($$$"""{"update_id":1,"message":{"message_id":1,"from":{{{From}}},"chat":{{{Chat}}},"date":1767225600,"text":"{{{json}}}"}}""");

        update.ReadError.Should().BeNull();
        update.Update!.Message!.Text.Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":null,"date":1767225600,"text":"/latest"}}""", "chat")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"date":1767225600,"text":"/latest"}}""", "chat")]
    [InlineData("""{"update_id":1,"message":{"message_id":2147483648,"chat":{"id":42,"type":"private"},"date":1767225600}}""", "message_id")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":9223372036854775808,"type":"private"},"date":1767225600}}""", "id")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"date":"yesterday"}}""", "date")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"date":1767225600,"text":42}}""", "text")]
    [InlineData("""{"update_id":1,"callback_query":{"id":"7","from":null,"data":"v1:latest:1:5"}}""", "from")]
    [InlineData("""{"update_id":1,"callback_query":{"id":7,"from":{"id":42,"first_name":"Ann"}}}""", "id")]
    public async Task An_update_with_a_missing_null_or_mistyped_field_comes_back_with_its_id_and_the_reason(string json, string field)
    {
        var update = await ReadOneAsync(json);

        update.Id.Should().Be(1);
        update.ReadError.Should().NotBeNull().And.Contain(field);
        update.Update.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"update_id":1,"poll_answer":"not a poll answer"}""")]
    [InlineData("""{"update_id":1,"inline_query":[2147483648,"abc"],"message":{"message_id":1,"chat":{"id":42,"type":"private"},"date":1767225600,"text":"/help"}}""")]
    public async Task A_kind_of_update_the_bot_does_not_ask_for_may_hold_anything(string json)
    {
        var update = await ReadOneAsync(json);

        update.ReadError.Should().BeNull("Telegram sends the bot only the kinds it asks for, so the others are not read");
        update.Update!.Id.Should().Be(1);
        update.Update.Message?.Text.Should().Be("/help");
    }

    [Fact]
    public async Task A_broken_update_leaves_the_rest_of_its_batch_readable_and_one_without_a_readable_id_is_dropped()
    {
        api.Enqueue("getUpdates", FakeAnswer.OkRaw($$$"""
            [{"update_id":1,"message":{"message_id":1,"chat":null,"date":1}},
             {"update_id":1.5,"message":{}},
             {"update_id":"2","message":{}},
             "not an update",
             {"update_id":3,"poll":{"id":"x"}},
             {"update_id":4,"message":{"message_id":4,"from":{{{From}}},"chat":{{{Chat}}},"date":1767225600,"text":"/help","x_future":{"a":[1,{"b":null}] } } }]
            """));
        await using var bot = new BotClientHarness(api, TimeProvider.System);

        var updates = (await bot.Client.SendRequest(new RawUpdatesRequest())).Select(UpdateJson.Read).OfType<IncomingUpdate>().ToList();

        updates.Select(u => (u.Id, u.ReadError is null)).Should().Equal((1L, false), (3L, true), (4L, true));
        updates[1].Update!.Type.Should().Be(UpdateType.Poll, "a kind of update the bot does not handle is still read");
        updates[2].Update!.Message!.Text.Should().Be("/help");
    }

    private async Task<IncomingUpdate> ReadOneAsync(string json)
    {
        api.Enqueue("getUpdates", FakeAnswer.OkRaw($"[{json}]"));
        await using var bot = new BotClientHarness(api, TimeProvider.System);
        var elements = await bot.Client.SendRequest(new RawUpdatesRequest());
        return UpdateJson.Read(elements.Should().ContainSingle().Which)!;
    }
}
