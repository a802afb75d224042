using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Summaries;

/// <summary>An OpenAI-compatible server on a free loopback port: <c>POST /v1/chat/completions</c> answers from a script and records each request.</summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeAnswer> script = new();
    private readonly ConcurrentQueue<JsonObject> requests = new();

    private FakeOpenAI()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/chat/completions", AnswerAsync);
    }

    /// <summary>The API root as <c>Summaries:OpenAI:BaseUrl</c> takes it, e.g. http://127.0.0.1:50123/v1.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The JSON bodies of the chat completion requests received so far.</summary>
    public IReadOnlyList<JsonObject> Requests => [.. requests];

    public static async Task<FakeOpenAI> StartAsync()
    {
        var server = new FakeOpenAI();
        await server.app.StartAsync();
        server.BaseUrl = server.app.Urls.Single() + "/v1";
        return server;
    }

    /// <summary>Queues answers, one per request; once they are used up the server answers 500.</summary>
    public void Enqueue(params FakeAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        requests.Enqueue(JsonNode.Parse(body)?.AsObject() ?? []);
        var answer = script.TryDequeue(out var scripted) ? scripted : ChatCompletions.Error(500, "no answer scripted");
        await answer.WriteAsync(context);
    }
}

/// <summary>Answers of the Chat Completions API in the shape the real one sends them.</summary>
public static class ChatCompletions
{
    // Real servers send Cyrillic as UTF-8, not as \u escapes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A finished completion whose assistant message says <paramref name="content"/>.</summary>
    public static FakeAnswer Message(string content, string finishReason = "stop") => Json(200, new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_763_700_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 300, ["completion_tokens"] = 60, ["total_tokens"] = 360 },
    });

    /// <summary>A completion holding the JSON object the prompt asks for.</summary>
    public static FakeAnswer Summary(string title, string summary) =>
        Message(new JsonObject { ["title"] = title, ["summary"] = summary }.ToJsonString(Readable));

    /// <summary>An error as the API sends it: the status and an <c>error</c> object.</summary>
    public static FakeAnswer Error(int status, string message) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["param"] = null, ["code"] = null },
    });

    private static FakeAnswer Json(int status, JsonObject body) => new(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(Readable));
    });
}
