using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Infrastructure;

/// <summary>
/// Sits between the bot under test and telegram-test-api and rewrites the emulator's answers into what Telegram sends,
/// so that Telegram.Bot's strict reading accepts them; the bot itself is not told it talks to an emulator.
/// </summary>
/// <remarks>
/// What it rewrites (see tests/e2e/README.md for the quirks):
/// <list type="bullet">
/// <item>dates in milliseconds (<c>date</c>, <c>edit_date</c> anywhere in a result) become seconds;</item>
/// <item><c>"result": null</c> becomes the edited message for editMessageText and editMessageReplyMarkup (built from the
/// request, as Telegram answers it) and <c>true</c> for the rest (answerCallbackQuery, setWebhook, ...);</item>
/// <item>an error envelope sent with HTTP 200 gets its error code as the HTTP status, as Telegram sends it;</item>
/// <item>a method the emulator lacks (it answers HTTP 500 without an envelope) gets Telegram's envelope: setMyCommands
/// succeeds, any other answers 404 "Not Found".</item>
/// </list>
/// </remarks>
public sealed class EmulatorAnswers : DelegatingHandler
{
    // Any date past this many seconds (the year 5138) is in milliseconds.
    private const long MaxSeconds = 100_000_000_000;

    /// <summary>Puts the rewriting in front of the bot's Bot API client.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.AddHttpClient(BotClientServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new EmulatorAnswers());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var method = path[(path.LastIndexOf('/') + 1)..];
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (Rewrite(method, requestBody, response.StatusCode, text) is not { } rewritten)
        {
            // The content was read into a buffer, so it can still be read by the client.
            return response;
        }

        var (status, envelope) = rewritten;
        response.Dispose();
        return new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    private static (HttpStatusCode Status, JsonObject Envelope)? Rewrite(string method, string? requestBody, HttpStatusCode status, string text)
    {
        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (answer is null)
        {
            return null;
        }

        if (!answer.ContainsKey("ok"))
        {
            return method == "setMyCommands"
                ? (HttpStatusCode.OK, new JsonObject { ["ok"] = true, ["result"] = true })
                : (HttpStatusCode.NotFound, new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found" });
        }

        if (answer["ok"]?.GetValue<bool>() != true)
        {
            var code = answer["error_code"]?.GetValue<int>() ?? (int)status;
            return ((HttpStatusCode)code, answer);
        }

        answer["result"] = answer["result"] is { } result ? SecondsDates(result) : NullResult(method, requestBody);
        return (HttpStatusCode.OK, answer);
    }

    private static JsonNode NullResult(string method, string? requestBody)
    {
        if (!method.StartsWith("editMessage", StringComparison.Ordinal))
        {
            return true;
        }

        var edit = requestBody is null ? [] : JsonNode.Parse(requestBody)?.AsObject() ?? [];
        var message = new JsonObject
        {
            ["message_id"] = edit["message_id"]?.DeepClone(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = edit["chat_id"]?.DeepClone(), ["type"] = "private" },
        };
        if (edit["text"] is { } text)
        {
            message["text"] = text.DeepClone();
        }

        if (edit["reply_markup"] is { } markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        return message;
    }

    private static JsonNode SecondsDates(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key is "date" or "edit_date" && value is JsonValue number && number.TryGetValue<long>(out var date) && date > MaxSeconds)
                    {
                        obj[key] = date / 1000;
                    }
                    else if (value is not null)
                    {
                        SecondsDates(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    SecondsDates(item);
                }

                break;
        }

        return node;
    }
}
