using DigestBot.Telegram.Requests;
using DigestBot.Telegram.Types;

namespace DigestBot.Tests.Telegram;

/// <summary>getUpdates answers as raw JSON, read by the real client: each broken update costs only itself.</summary>
public sealed class UpdateReadingTests : IAsyncLifetime
{
    private const string Chat = """{"id":42,"type":"private","first_name":"Ann"}""";
    private const string From = """{"id":42,"is_bot":false,"first_name":"Ann"}""";
    private FakeBotApi api = null!;

    public async Task InitializeAsync() => api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Theory]
    [InlineData("\"date\":-9223372036854775808", "1970-01-01")]
    [InlineData("\"date\":9223372036854775807", "9999-12-31")]
    [InlineData("\"date\":-1e400", "1970-01-01")]
    [InlineData("\"date\":1e400", "9999-12-31")]
    [InlineData("\"date\":1767225600.9", "2026-01-01")]
    [InlineData("\"date\":1767225600000", "2026-01-01")]
    public async Task A_date_out_of_every_range_is_clamped(string date, string expected)
    {
        var update = await ReadOneAsync($$$"""{"update_id":1,"message":{"message_id":1,"from":{{{From}}},"chat":{{{Chat}}},{{{date}}},"text":"/latest"}}""");

        update.ReadError.Should().BeNull();
        update.Message!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);
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
        update.Message!.Text.Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":null,"date":1767225600,"text":"/latest"}}""", "chat")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"date":1767225600,"text":"/latest"}}""", "chat")]
    [InlineData("""{"update_id":1,"message":{"message_id":2147483648,"chat":{"id":42,"type":"private"},"date":1767225600}}""", "message_id")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":9223372036854775808,"type":"private"},"date":1767225600}}""", "id")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":42,"type":"secret"},"date":1767225600}}""", "type")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"date":"yesterday"}}""", "date")]
    [InlineData("""{"update_id":1,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"date":1767225600,"text":42}}""", "text")]
    [InlineData("""{"update_id":1,"callback_query":{"id":"7","from":null,"data":"v1:latest:1:5"}}""", "from")]
    [InlineData("""{"update_id":1,"callback_query":{"id":7,"from":{"id":42,"first_name":"Ann"}}}""", "id")]
    public async Task An_update_with_a_missing_null_or_mistyped_field_comes_back_with_its_id_and_the_reason(string json, string field)
    {
        var update = await ReadOneAsync(json);

        update.UpdateId.Should().Be(1);
        update.ReadError.Should().NotBeNull().And.Contain(field);
        update.Message.Should().BeNull();
        update.CallbackQuery.Should().BeNull();
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

        var updates = await bot.Client.SendAsync(new GetUpdatesRequest());

        updates.Select(u => (u.UpdateId, u.ReadError is null)).Should().Equal((1, false), (3, true), (4, true));
        updates[1].Should().BeEquivalentTo(new Update { UpdateId = 3 }, "an unknown kind of update is read as one with nothing the bot knows");
        updates[2].Message!.Text.Should().Be("/help");
    }

    private async Task<Update> ReadOneAsync(string json)
    {
        api.Enqueue("getUpdates", FakeAnswer.OkRaw($"[{json}]"));
        await using var bot = new BotClientHarness(api, TimeProvider.System);
        return (await bot.Client.SendAsync(new GetUpdatesRequest())).Should().ContainSingle().Which;
    }
}
