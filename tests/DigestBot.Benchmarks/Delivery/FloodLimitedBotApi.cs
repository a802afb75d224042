using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DigestBot.Benchmarks.Delivery;

/// <summary>A Bot API server on a loopback port that accepts sendMessage within flood limits, counted over sliding
/// windows when each request arrives, and answers 429 with retry_after beyond them, as Telegram does.</summary>
public sealed class FloodLimitedBotApi : IAsyncDisposable
{
    private static readonly long Second = Stopwatch.Frequency;

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly SlidingWindow global;
    private readonly Dictionary<long, ChatWindows> chats = [];
    private readonly int perChatPerSecond;
    private readonly int perGroupPerMinute;
    private int accepted;
    private int refused;

    private FloodLimitedBotApi(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute)
    {
        global = new SlidingWindow(globalPerSecond, Second);
        this.perChatPerSecond = perChatPerSecond;
        this.perGroupPerMinute = perGroupPerMinute;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(AnswerAsync);
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Requests answered with 429 because they would have exceeded a limit.</summary>
    public int Refused => Volatile.Read(ref refused);

    public static async Task<FloodLimitedBotApi> StartAsync(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute)
    {
        var api = new FloodLimitedBotApi(globalPerSecond, perChatPerSecond, perGroupPerMinute);
        await api.app.StartAsync();
        api.BaseUrl = new Uri(api.app.Urls.Single());
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        long chatId;
        using (var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))
        {
            chatId = body.RootElement.GetProperty("chat_id").GetInt64();
        }

        var messageId = Admit(chatId);
        var answer = new ArrayBufferWriter<byte>(256);
        await using (var json = new Utf8JsonWriter(answer))
        {
            json.WriteStartObject();
            if (messageId is { } id)
            {
                json.WriteBoolean("ok", true);
                json.WriteStartObject("result");
                json.WriteNumber("message_id", id);
                json.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                json.WriteStartObject("chat");
                json.WriteNumber("id", chatId);
                json.WriteString("type", chatId < 0 ? "supergroup" : "private");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            else
            {
                json.WriteBoolean("ok", false);
                json.WriteNumber("error_code", StatusCodes.Status429TooManyRequests);
                json.WriteString("description", "Too Many Requests: retry after 1");
                json.WriteStartObject("parameters");
                json.WriteNumber("retry_after", 1);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        context.Response.StatusCode = messageId is null ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(answer.WrittenMemory, context.RequestAborted);
    }

    // The new message's id, or null when it would exceed a limit; a refused message does not count against them.
    private int? Admit(long chatId)
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!chats.TryGetValue(chatId, out var chat))
            {
                chat = new ChatWindows(new SlidingWindow(perChatPerSecond, Second), chatId < 0 ? new SlidingWindow(perGroupPerMinute, 60 * Second) : null);
                chats.Add(chatId, chat);
            }

            if (!global.Allows(now) || !chat.PerSecond.Allows(now) || chat.PerMinute?.Allows(now) == false)
            {
                refused++;
                return null;
            }

            global.Add(now);
            chat.PerSecond.Add(now);
            chat.PerMinute?.Add(now);
            return ++accepted;
        }
    }

    private sealed record ChatWindows(SlidingWindow PerSecond, SlidingWindow? PerMinute);

    /// <summary>At most a number of messages within any window of a given length ending now.</summary>
    private sealed class SlidingWindow(int limit, long length)
    {
        private readonly Queue<long> arrivals = new();

        public bool Allows(long now)
        {
            while (arrivals.TryPeek(out var oldest) && oldest <= now - length)
            {
                arrivals.Dequeue();
            }

            return arrivals.Count < limit;
        }

        public void Add(long now) => arrivals.Enqueue(now);
    }
}
