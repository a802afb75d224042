using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Infrastructure;

/// <summary>A Bot API server on a free loopback port that answers each method from a script and records what it received.</summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-secret_token";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeAnswer> defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<ReceivedRequest, CancellationToken, Task<FakeAnswer>>> responders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private readonly TimeProvider clock;
    private int lastMessageId;

    private FakeBotApi(TimeProvider clock)
    {
        this.clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(AnswerAsync);
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:50123/, known once it listens.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedRequest> Requests => [.. requests];

    /// <param name="clock">Stamps each request's <see cref="ReceivedRequest.ReceivedAt"/>, e.g. the client's test clock.</param>
    public static async Task<FakeBotApi> StartAsync(TimeProvider? clock = null)
    {
        var api = new FakeBotApi(clock ?? TimeProvider.System);
        await api.app.StartAsync();
        api.BaseUrl = new Uri(api.app.Urls.Single());
        return api;
    }

    /// <summary>Queues answers for <paramref name="method"/>; once they are used up the method answers with its default.</summary>
    public void Enqueue(string method, params FakeAnswer[] answers)
    {
        var script = scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeAnswer>());
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    /// <summary>Answers <paramref name="method"/> with <paramref name="answer"/> whenever no queued answer is left.</summary>
    public void AnswerByDefault(string method, FakeAnswer answer) => defaults[method] = answer;

    /// <summary>Answers <paramref name="method"/> by what each request asks whenever no queued answer is left, e.g. getUpdates by its offset.</summary>
    public void AnswerByDefault(string method, Func<ReceivedRequest, CancellationToken, Task<FakeAnswer>> respond) => responders[method] = respond;

    public IReadOnlyList<ReceivedRequest> RequestsFor(string method) => [.. requests.Where(request => request.Method == method)];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = path[(path.LastIndexOf('/') + 1)..];
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        // Telegram.Bot posts methods without parameters, such as getMe, with no body at all.
        var json = body.Length == 0 ? [] : JsonNode.Parse(body)?.AsObject() ?? [];
        var request = new ReceivedRequest(method, path, context.Request.ContentType, json) { ReceivedAt = clock.GetUtcNow() };
        requests.Enqueue(request);

        // Like the real server, a wrong token or path is a 404 whatever the script says.
        if (path != $"/bot{Token}/{method}")
        {
            await FakeAnswer.Error(404, "Not Found").WriteAsync(context);
            return;
        }

        var answer = scripts.TryGetValue(method, out var script) && script.TryDequeue(out var scripted)
            ? scripted
            : responders.TryGetValue(method, out var respond) ? await respond(request, context.RequestAborted)
            : defaults.GetValueOrDefault(method) ?? DefaultAnswer(method, json);
        await answer.WriteAsync(context);
    }

    // A server that ignores the long-polling timeout answers getUpdates at once with nothing; a sent message comes back
    // with an id of its own, and an edited one as it is now, as from Telegram; a chat member is a plain member.
    private FakeAnswer DefaultAnswer(string method, JsonObject body) => method switch
    {
        "getUpdates" => FakeAnswer.Ok(new JsonArray()),
        "getMe" => FakeAnswer.Ok(new JsonObject { ["id"] = 99, ["is_bot"] = true, ["first_name"] = "Digest", ["username"] = "digest_bot" }),
        "sendMessage" => FakeAnswer.Ok(BotJson.Message(
            Interlocked.Increment(ref lastMessageId),
            long.Parse(body["chat_id"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            body["text"]?.GetValue<string>() ?? "")),
        "editMessageText" or "editMessageReplyMarkup" => FakeAnswer.Ok(BotJson.Message(
            body["message_id"]?.GetValue<int>() ?? 0,
            long.Parse(body["chat_id"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            body["text"]?.GetValue<string>() ?? "")),
        "getChat" => FakeAnswer.Ok(new JsonObject { ["id"] = -1001234567890, ["type"] = "channel", ["title"] = "Channel" }),
        "getChatMember" => FakeAnswer.Ok(new JsonObject { ["status"] = "member", ["user"] = BotJson.User(body["user_id"]?.GetValue<long>() ?? 0) }),
        _ => FakeAnswer.Ok(true),
    };
}

/// <summary>A request the fake server received, with its JSON body parsed.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? ContentType, JsonObject Body)
{
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>One scripted answer of <see cref="FakeBotApi"/>.</summary>
public sealed record FakeAnswer(Func<HttpContext, Task> WriteAsync)
{
    public static FakeAnswer Ok(JsonNode? result) => Json(200, new JsonObject { ["ok"] = true, ["result"] = result?.DeepClone() }.ToJsonString());

    /// <summary>A success envelope around JSON written as is, such as updates no JSON library would write.</summary>
    public static FakeAnswer OkRaw(string resultJson) => Json(200, $$"""{"ok":true,"result":{{resultJson}}}""");

    /// <summary>An error envelope with the HTTP status equal to the error code, as the Bot API sends it.</summary>
    public static FakeAnswer Error(int errorCode, string description, int? retryAfter = null, long? migrateToChatId = null)
    {
        var envelope = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is not null || migrateToChatId is not null)
        {
            var parameters = new JsonObject();
            if (retryAfter is not null)
            {
                parameters["retry_after"] = retryAfter;
            }

            if (migrateToChatId is not null)
            {
                parameters["migrate_to_chat_id"] = migrateToChatId;
            }

            envelope["parameters"] = parameters;
        }

        return Json(errorCode, envelope.ToJsonString());
    }

    public static FakeAnswer Raw(int status, string body) => new(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync(body);
    });

    /// <summary>Closes the connection without an answer.</summary>
    public static FakeAnswer Drop() => new(context =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    /// <summary>Never answers; the client has to give up.</summary>
    public static FakeAnswer Hang() => new(async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away, which is what this answer waits for.
        }
    });

    private static FakeAnswer Json(int status, string json) => new(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    });
}
