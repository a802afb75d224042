using System.Text.Json.Nodes;
using DigestBot.Conversation;
using DigestBot.Core.Rendering;
using DigestBot.TelegramHost;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestBot.Tests.Telegram;

public sealed class TelegramRepliesTests
{
    [Fact]
    public async Task A_long_reply_is_sent_in_valid_parts_with_the_buttons_on_the_last()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var harness = new BotClientHarness(api, TimeProvider.System);
        for (var i = 0; i < 10; i++)
        {
            api.Enqueue("sendMessage", FakeAnswer.Ok(new JsonObject
            {
                ["message_id"] = i + 1,
                ["date"] = 1_700_000_000,
                ["chat"] = new JsonObject { ["id"] = 42, ["type"] = "private" },
            }));
        }

        var paragraphs = Enumerable.Range(1, 60).Select(i => $"<b>Новость {i}</b>\n{TelegramHtml.Escape("Текст & <подробности> ")}{new string('ж', 150)}.");
        var html = string.Join("\n\n", paragraphs);
        var replies = new TelegramReplies(harness.Client, NullLogger<TelegramReplies>.Instance);

        await replies.SendAsync(42, new OutgoingMessage(html, [[new Button("More ›", "v1:latest:1:5")]]), CancellationToken.None);

        var sent = api.RequestsFor("sendMessage");
        sent.Should().HaveCountGreaterThan(1);
        foreach (var request in sent)
        {
            var text = request.Body["text"]!.GetValue<string>();
            text.Length.Should().BeLessThanOrEqualTo(TelegramHtml.MaxMessageLength);
            TelegramHtmlValidator.Validate(text).IsValid.Should().BeTrue();
            request.Body["parse_mode"]!.GetValue<string>().Should().BeEquivalentTo("HTML", "Telegram reads the parse mode in any case");
        }

        sent.Take(sent.Count - 1).Should().OnlyContain(r => r.Body["reply_markup"] == null);
        sent[^1].Body["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>().Should().Be("v1:latest:1:5");
        string.Concat(sent.Select(r => r.Body["text"]!.GetValue<string>())).Should().Contain("Новость 60");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(502)]
    public async Task Removing_the_buttons_of_a_used_page_never_fails_the_next_page(int status)
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var harness = new BotClientHarness(api, TimeProvider.System, options => options.MaxRetries = 0);
        api.Enqueue("editMessageReplyMarkup", status == 400
            ? FakeAnswer.Error(400, "Bad Request: message is not modified")
            : FakeAnswer.Raw(502, "<html>Bad Gateway</html>"));
        var replies = new TelegramReplies(harness.Client, NullLogger<TelegramReplies>.Instance);

        var remove = () => replies.RemoveButtonsAsync(42, 7, CancellationToken.None);

        await remove.Should().NotThrowAsync();
        api.RequestsFor("editMessageReplyMarkup").Should().ContainSingle();
    }
}
