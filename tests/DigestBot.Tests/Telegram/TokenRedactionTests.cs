using System.Text.Json.Nodes;
using DigestBot.Core.Rendering;
using DigestBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Telegram;

/// <summary>The token is part of every Bot API URL; the running bot's whole log, down to Trace, never shows it.</summary>
public sealed class TokenRedactionTests
{
    [Fact]
    public async Task No_log_line_of_the_running_bot_shows_the_token_even_at_trace_level()
    {
        LogRecorder logs;
        await using (var bot = await PollingBot.StartAsync(logLevel: LogLevel.Trace))
        {
            logs = bot.Logs;

            // Failures are logged too: a server error and a dropped connection that are retried, an unreadable answer.
            bot.Api.Enqueue("sendMessage", FakeAnswer.Error(500, "Internal Server Error"), FakeAnswer.Drop());
            bot.Api.Enqueue("answerCallbackQuery", FakeAnswer.Raw(502, "<html>Bad Gateway</html>"));
            bot.Updates.Add(id => BotJson.TextUpdate(id, "/latest").ToJsonString());
            bot.Updates.Add(id => Press(id, CallbackData.Build("latest", "1", "5")).ToJsonString());
            var last = bot.Updates.Add(id => BotJson.TextUpdate(id, "/nonsense").ToJsonString());

            await bot.Updates.WaitUntilConfirmedAsync(last, TimeSpan.FromSeconds(30), bot.Running);
            bot.Api.RequestsFor("sendMessage").Should().HaveCountGreaterThanOrEqualTo(4, "the failed sends were repeated");
        }

        var secret = FakeBotApi.Token[(FakeBotApi.Token.IndexOf(':') + 1)..];
        logs.Lines.Should().Contain(line => line.Contains("sendMessage") && line.StartsWith("Debug"), "requests are logged, by method")
            .And.Contain(line => line.Contains("attempt") && line.StartsWith("Warning"), "retries are logged");
        logs.Lines.Should().OnlyContain(line => !line.Contains(secret) && !line.Contains(Uri.EscapeDataString(FakeBotApi.Token)));
    }

    private static JsonObject Press(long updateId, string data) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = "press-" + updateId,
            ["from"] = BotJson.User(42),
            ["message"] = BotJson.Message(1, 42, "…"),
            ["chat_instance"] = "1",
            ["data"] = data,
        },
    };
}
