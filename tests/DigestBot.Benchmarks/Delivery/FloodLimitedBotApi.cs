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

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly SlidingWindow _global;
    private readonly Dictionary<long, ChatWindows> _chats = [];
    private readonly int _perChatPerSecond;
    private readonly int _perGroupPerMinute;
    private int _accepted;
    private int _refused;

    private FloodLimitedBotApi(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute)
    {
        _global = new SlidingWindow(globalPerSecond, Second);
        _perChatPerSecond = perChatPerSecond;
        _perGroupPerMinute = perGroupPerMinute;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Requests answered with 429 because they would have exceeded a limit.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static async Task<FloodLimitedBotApi> StartAsync(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute)
    {
        var api = new FloodLimitedBotApi(globalPerSecond, perChatPerSecond, perGroupPerMinute);
        await api._app.StartAsync();
        api.BaseUrl = new Uri(api._app.Urls.Single());
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
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
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                chat = new ChatWindows(new SlidingWindow(_perChatPerSecond, Second), chatId < 0 ? new SlidingWindow(_perGroupPerMinute, 60 * Second) : null);
                _chats.Add(chatId, chat);
            }

            if (!_global.Allows(now) || !chat.PerSecond.Allows(now) || chat.PerMinute?.Allows(now) == false)
            {
                _refused++;
                return null;
            }

            _global.Add(now);
            chat.PerSecond.Add(now);
            chat.PerMinute?.Add(now);
            return ++_accepted;
        }
    }

    private sealed record ChatWindows(SlidingWindow PerSecond, SlidingWindow? PerMinute);

    /// <summary>At most a number of messages within any window of a given length ending now.</summary>
    private sealed class SlidingWindow(int limit, long length)
    {
        private readonly Queue<long> _arrivals = new();

        public bool Allows(long now)
        {
            while (_arrivals.TryPeek(out var oldest) && oldest <= now - length)
            {
                _arrivals.Dequeue();
            }

            return _arrivals.Count < limit;
        }

        public void Add(long now) => _arrivals.Enqueue(now);
    }
}
