using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigestBot.Telegram.Diagnostics;
using DigestBot.Telegram.Requests;
using DigestBot.Telegram.Sending;
using DigestBot.Telegram.Serialization;
using DigestBot.Telegram.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace DigestBot.Telegram;

/// <summary>Posts Bot API requests as JSON to <c>{ApiBaseUrl}/bot{token}/{method}</c> and reads the answer envelope.</summary>
public sealed partial class BotClient : IBotClient
{
    private const string RedactedToken = "<token>";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly HttpClient _httpClient;
    private readonly BotClientOptions _options;
    private readonly SendRateLimiter _limiter;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotClient> _logger;
    private readonly TelegramMetrics _metrics;
    private readonly Uri _methodBaseUrl;
    private readonly ResiliencePipeline _retryPipeline;

    public BotClient(
        HttpClient httpClient,
        IOptions<BotClientOptions> options,
        SendRateLimiter limiter,
        TimeProvider timeProvider,
        TelegramMetrics metrics,
        ILogger<BotClient> logger)
    {
        _httpClient = httpClient;
        _options = options.Value;
        _limiter = limiter;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;

        // Without a trailing slash a base URL's last path segment would be replaced instead of extended.
        var baseUrl = _options.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        _methodBaseUrl = new Uri($"{baseUrl}/bot{_options.Token}/");
        _retryPipeline = BuildRetryPipeline(_options, timeProvider, logger);
    }

    public async Task<TResult> SendAsync<TResult>(BotRequest<TResult> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestInfo = BotJsonContext.Default.GetTypeInfo(request.GetType())
            ?? throw new NotSupportedException($"telegram: unable to send {request.MethodName}: {request.GetType().Name} is not registered in {nameof(BotJsonContext)}");
        var responseInfo = (JsonTypeInfo<ApiResponse<TResult>>?)BotJsonContext.Default.GetTypeInfo(typeof(ApiResponse<TResult>))
            ?? throw new NotSupportedException($"telegram: unable to read {request.MethodName}: {typeof(TResult).Name} is not registered in {nameof(BotJsonContext)}");
        var call = new Call<TResult>(
            request.MethodName,
            JsonSerializer.SerializeToUtf8Bytes(request, requestInfo),
            _options.RequestTimeout + request.ServerWait,
            responseInfo,
            request.ResultIsOptional,
            request.RateLimitChat);

        var context = ResilienceContextPool.Shared.Get(request.MethodName, cancellationToken);
        try
        {
            return await _retryPipeline.ExecuteAsync(
                static (context, state) => state.Client.SendOnceAsync(state.Call, context.CancellationToken),
                context,
                (Client: this, Call: call));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<TResult> SendOnceAsync<TResult>(Call<TResult> call, CancellationToken cancellationToken)
    {
        // Each attempt waits for its turn: a repeated message counts against the limits as much as the first one.
        using var lease = call.RateLimitChat is null ? null : await WaitForTurnAsync(call.Method, call.RateLimitChat.Value, cancellationToken);
        try
        {
            return await PostAsync(call, lease, cancellationToken);
        }
        catch (BotApiException exception) when (exception is { ErrorCode: 429, RetryAfter: int seconds } && TimeSpan.FromSeconds(seconds) <= _options.MaxRetryAfter)
        {
            // Telegram holds back the whole bot, not one chat: every send waits it out, then the retry repeats this one.
            _metrics.FloodWait();
            if (_limiter.Pause(TimeSpan.FromSeconds(exception.RetryAfter.Value)))
            {
                LogFloodPause(_logger, exception.RetryAfter.Value);
            }

            throw;
        }
    }

    private async ValueTask<SendLease> WaitForTurnAsync(string method, ChatId chat, CancellationToken cancellationToken)
    {
        try
        {
            return await _limiter.AcquireAsync(chat, cancellationToken);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"telegram: {method} was cancelled", exception, cancellationToken);
        }
    }

    private async ValueTask<TResult> PostAsync<TResult>(Call<TResult> call, SendLease? lease, CancellationToken cancellationToken)
    {
        // The timeout runs on real time: it bounds a network wait, which no test clock can shorten.
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(call.Timeout);
        var started = _timeProvider.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(call.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_methodBaseUrl, call.Method)) { Content = content };
            using var response = await _httpClient.SendAsync(message, timeoutSource.Token);
            // The server has counted the message once it answers; reading the answer need not hold the permit.
            lease?.Dispose();
            var envelope = await ReadEnvelopeAsync(call, response, timeoutSource.Token);
            LogAnswered(_logger, call.Method, (int)response.StatusCode, _timeProvider.GetElapsedTime(started).TotalMilliseconds);

            if (envelope.Ok && call.RateLimitChat is not null)
            {
                _metrics.MessageSent(call.Method);
            }

            if (envelope is { Ok: true, Result: { } result })
            {
                return result;
            }

            if (envelope.Ok && call.ResultIsOptional)
            {
                // Some Bot API servers answer these acknowledgements with "ok" alone; the caller does not read the result.
                return default!;
            }

            if (envelope.Ok)
            {
                throw new BotTransportException($"telegram: unable to read the answer to {call.Method}: it has no result", statusCode: response.StatusCode);
            }

            var errorCode = envelope.ErrorCode ?? (int)response.StatusCode;
            _metrics.ApiError(call.Method, errorCode);
            throw new BotApiException(
                errorCode,
                envelope.Description ?? response.ReasonPhrase ?? "no description",
                envelope.Parameters?.RetryAfter,
                envelope.Parameters?.MigrateToChatId,
                call.Method);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"telegram: {call.Method} was cancelled", exception, cancellationToken);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            var timeout = string.Create(CultureInfo.InvariantCulture, $"no answer within {call.Timeout.TotalSeconds:0.###} s");
            throw new BotTransportException($"telegram: unable to call {call.Method}: {timeout}", new TimeoutException(timeout));
        }
        catch (HttpRequestException exception)
        {
            throw new BotTransportException($"telegram: unable to call {call.Method}: {Redact(exception.Message)}", Redact(exception), exception.StatusCode);
        }
    }

    private static async Task<ApiResponse<TResult>> ReadEnvelopeAsync<TResult>(Call<TResult> call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var envelope = await JsonSerializer.DeserializeAsync(body, call.ResponseInfo, cancellationToken);
            if (envelope is not null)
            {
                return envelope;
            }
        }
        catch (JsonException exception)
        {
            throw new BotTransportException(
                $"telegram: unable to read the answer to {call.Method}: HTTP {(int)response.StatusCode} without a Bot API envelope",
                exception,
                response.StatusCode);
        }

        throw new BotTransportException(
            $"telegram: unable to read the answer to {call.Method}: HTTP {(int)response.StatusCode} with a null body",
            statusCode: response.StatusCode);
    }

    private string Redact(string text) => text.Replace(_options.Token, RedactedToken, StringComparison.Ordinal);

    // A handler may quote the request URI, which holds the token; such an error is replaced by a redacted copy.
    private HttpRequestException Redact(HttpRequestException exception) =>
        exception.ToString().Contains(_options.Token, StringComparison.Ordinal)
            ? new HttpRequestException(exception.HttpRequestError, Redact(exception.Message), inner: null, exception.StatusCode)
            : exception;

    private static ResiliencePipeline BuildRetryPipeline(BotClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            // The cap applies to the backoff only; a flood limit's retry_after is bounded by MaxRetryAfter instead.
            MaxDelay = MaxBackoff,
            ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Exception is { } exception && IsRetryable(exception, options.MaxRetryAfter)),
            DelayGenerator = arguments => ValueTask.FromResult(
                arguments.Outcome.Exception is BotApiException { RetryAfter: int seconds } ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null),
            OnRetry = arguments =>
            {
                LogRetrying(logger, arguments.Context.OperationKey, arguments.AttemptNumber + 1, arguments.RetryDelay.TotalMilliseconds, arguments.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static bool IsRetryable(Exception exception, TimeSpan maxRetryAfter) => exception switch
    {
        BotApiException { ErrorCode: 429, RetryAfter: int seconds } => TimeSpan.FromSeconds(seconds) <= maxRetryAfter,
        BotApiException { ErrorCode: 429 or >= 500 } => true,
        BotTransportException transport => transport.IsTransient,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {Method} answered HTTP {StatusCode} in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string method, int statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "telegram: unable to call {Method}, attempt {Attempt} is repeated in {DelayMs} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string? method, int attempt, double delayMs, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "telegram: flood limit hit, pausing all sends for {RetryAfter} s")]
    private static partial void LogFloodPause(ILogger logger, int retryAfter);

    private sealed record Call<TResult>(
        string Method,
        byte[] Body,
        TimeSpan Timeout,
        JsonTypeInfo<ApiResponse<TResult>> ResponseInfo,
        bool ResultIsOptional,
        ChatId? RateLimitChat);
}
