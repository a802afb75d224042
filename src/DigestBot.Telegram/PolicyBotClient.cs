using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace DigestBot.Telegram;

/// <summary>
/// Telegram.Bot's client with our sending policy around every request: each message waits for the shared rate limiter,
/// a flood limit (429) pauses all sends for its retry_after, server errors and dropped connections are repeated with
/// backoff, client errors never are, and the token is cut out of every error.
/// </summary>
/// <remarks>Every extension method of <see cref="ITelegramBotClient"/> ends in <see cref="SendRequest{TResponse}"/>, so nothing bypasses the policy.</remarks>
public sealed partial class PolicyBotClient : ITelegramBotClient
{
    private const string RedactedToken = "<token>";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly TelegramBotClient inner;
    private readonly BotClientOptions options;
    private readonly SendRateLimiter limiter;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<PolicyBotClient> logger;
    private readonly TelegramMetrics metrics;
    private readonly ResiliencePipeline retryPipeline;

    public PolicyBotClient(
        HttpClient httpClient,
        IOptions<BotClientOptions> options,
        SendRateLimiter limiter,
        TimeProvider timeProvider,
        TelegramMetrics metrics,
        ILogger<PolicyBotClient> logger)
    {
        this.options = options.Value;
        this.limiter = limiter;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.metrics = metrics;

        // Telegram.Bot's own 429 handling is off: it would wait out a flood limit for one request while the others kept sending.
        var baseUrl = this.options.ApiBaseUrl.Host == BotClientOptions.TelegramHost ? null : this.options.ApiBaseUrl.AbsoluteUri;
        inner = new TelegramBotClient(new TelegramBotClientOptions(this.options.Token, baseUrl) { RetryThreshold = 0, RetryCount = 0 }, httpClient);
        retryPipeline = BuildRetryPipeline(this.options, timeProvider, logger);
    }

    public bool LocalBotServer => inner.LocalBotServer;

    public long BotId => inner.BotId;

    public TimeSpan Timeout
    {
        get => inner.Timeout;
        set => inner.Timeout = value;
    }

    public IExceptionParser ExceptionsParser
    {
        get => inner.ExceptionsParser;
        set => inner.ExceptionsParser = value;
    }

    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest
    {
        add => inner.OnMakingApiRequest += value;
        remove => inner.OnMakingApiRequest -= value;
    }

    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived
    {
        add => inner.OnApiResponseReceived += value;
        remove => inner.OnApiResponseReceived -= value;
    }

    /// <summary>Sends <paramref name="request"/>, repeating it after flood limits and transient failures.</summary>
    /// <exception cref="ApiRequestException">The Bot API refused the request.</exception>
    /// <exception cref="RequestException">No readable answer arrived, or none in time (then the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new Call(request.MethodName, options.RequestTimeout + ServerWait(request), RateLimitChat(request));
        var context = ResilienceContextPool.Shared.Get(request.MethodName, cancellationToken);
        try
        {
            return await retryPipeline.ExecuteAsync(
                static (context, state) => state.Client.SendOnceAsync(state.Request, state.Call, context.CancellationToken),
                context,
                (Client: this, Request: request, Call: call));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public async Task<bool> TestApi(CancellationToken cancellationToken = default)
    {
        try
        {
            await SendRequest(new GetMeRequest(), cancellationToken);
            return true;
        }
        catch (ApiRequestException exception) when (exception.ErrorCode == 401)
        {
            return false;
        }
    }

    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) =>
        inner.DownloadFile(filePath, destination, cancellationToken);

    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) =>
        inner.DownloadFile(file, destination, cancellationToken);

    // How long the server may hold the request before answering: a long poll's timeout, on top of the request timeout.
    private static TimeSpan ServerWait(IRequest request) => request switch
    {
        GetUpdatesRequest { Timeout: int seconds } => TimeSpan.FromSeconds(seconds),
        RawUpdatesRequest { Timeout: int seconds } => TimeSpan.FromSeconds(seconds),
        _ => TimeSpan.Zero,
    };

    // The chat whose flood limits the request counts against; null for methods that post nothing into a chat.
    private static ChatId? RateLimitChat(IRequest request) => request switch
    {
        SendMessageRequest send => send.ChatId,
        EditMessageTextRequest edit => edit.ChatId,
        EditMessageReplyMarkupRequest edit => edit.ChatId,
        _ => null,
    };

    private async ValueTask<TResponse> SendOnceAsync<TResponse>(IRequest<TResponse> request, Call call, CancellationToken cancellationToken)
    {
        // Each attempt waits for its turn: a repeated message counts against the limits as much as the first one.
        using var lease = call.RateLimitChat is null ? null : await WaitForTurnAsync(call.Method, call.RateLimitChat, cancellationToken);
        try
        {
            return await PostAsync(request, call, cancellationToken);
        }
        catch (ApiRequestException exception) when (exception is { ErrorCode: 429, Parameters.RetryAfter: int seconds })
        {
            // Telegram holds back the whole bot, not one chat: every send waits it out, however long, and the retry
            // repeats this one when the wait is within Telegram:MaxRetryAfter (else this call fails at once).
            metrics.FloodWait();
            if (limiter.Pause(TimeSpan.FromSeconds(seconds)))
            {
                LogFloodPause(logger, seconds);
            }

            throw;
        }
    }

    private async ValueTask<SendLease> WaitForTurnAsync(string method, ChatId chat, CancellationToken cancellationToken)
    {
        try
        {
            return await limiter.AcquireAsync(chat, cancellationToken);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"telegram: {method} was cancelled", exception, cancellationToken);
        }
    }

    private async Task<TResponse> PostAsync<TResponse>(IRequest<TResponse> request, Call call, CancellationToken cancellationToken)
    {
        // The timeout runs on real time: it bounds a network wait, which no test clock can shorten.
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(call.Timeout);
        var started = timeProvider.GetTimestamp();
        try
        {
            var result = await inner.SendRequest(request, timeoutSource.Token);
            LogAnswered(logger, call.Method, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            if (call.RateLimitChat is not null)
            {
                metrics.MessageSent(call.Method);
            }

            return result;
        }
        catch (ApiRequestException exception)
        {
            LogAnswered(logger, call.Method, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            metrics.ApiError(call.Method, exception.ErrorCode);
            if (exception.Message.Contains(options.Token, StringComparison.Ordinal))
            {
                throw new ApiRequestException(Redact(exception.Message), exception.ErrorCode, exception.Parameters);
            }

            throw;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"telegram: {call.Method} was cancelled", exception, cancellationToken);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            var timeout = string.Create(CultureInfo.InvariantCulture, $"no answer within {call.Timeout.TotalSeconds:0.###} s");
            throw new RequestException($"telegram: unable to call {call.Method}: {timeout}", new TimeoutException(timeout));
        }
        catch (RequestException exception)
        {
            // Telegram.Bot quotes the HTTP error, and a handler may quote the request URI, which holds the token.
            var message = $"telegram: unable to call {call.Method}: {Redact(exception.Message)}";
            var inner = Redact(exception.InnerException);
            throw (exception.HttpStatusCode, inner) switch
            {
                ({ } status, _) => new RequestException(message, status, inner),
                (null, { }) => new RequestException(message, inner),
                _ => new RequestException(message),
            };
        }
    }

    private string Redact(string text) => text.Replace(options.Token, RedactedToken, StringComparison.Ordinal);

    // An error that quotes the token anywhere in its chain is replaced by a redacted copy of its message alone; only an
    // HTTP error can (the request URI holds the token), anything else that does is left out.
    private Exception? Redact(Exception? exception) => exception switch
    {
        null => null,
        _ when !exception.ToString().Contains(options.Token, StringComparison.Ordinal) => exception,
        HttpRequestException http => new HttpRequestException(http.HttpRequestError, Redact(http.Message), inner: null, http.StatusCode),
        _ => null,
    };

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
            ShouldHandle = arguments => ValueTask.FromResult(
                arguments.Outcome.Exception is { } exception && IsRetryable(exception, options.MaxRetryAfter, arguments.Context.OperationKey)),
            DelayGenerator = arguments => ValueTask.FromResult(
                arguments.Outcome.Exception is ApiRequestException { Parameters.RetryAfter: int seconds } ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null),
            OnRetry = arguments =>
            {
                LogRetrying(logger, arguments.Context.OperationKey, arguments.AttemptNumber + 1, arguments.RetryDelay.TotalMilliseconds, arguments.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>A flood limit within bounds, a server error or a dropped connection: repeating the request may succeed.
    /// A new message is repeated only when Telegram cannot have taken it (a flood limit, a connection never made): a
    /// server error or a connection lost after the request went out may hide a message sent, and a reader would get it
    /// twice; the bot prefers a gap the log explains, as for digests.</summary>
    internal static bool IsRetryable(Exception exception, TimeSpan maxRetryAfter, string? method = null) => exception switch
    {
        ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: int seconds } => TimeSpan.FromSeconds(seconds) <= maxRetryAfter,
        ApiRequestException { ErrorCode: 429 } => true,
        _ when method == "sendMessage" => exception is RequestException
        {
            InnerException: HttpRequestException
            {
                HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                    or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
            },
        },
        ApiRequestException { ErrorCode: >= 500 } => true,
        ApiRequestException => false,
        RequestException transport => transport.InnerException is HttpRequestException || transport.HttpStatusCode >= HttpStatusCode.InternalServerError,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {Method} answered in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string method, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "telegram: unable to call {Method}, attempt {Attempt} is repeated in {DelayMs} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string? method, int attempt, double delayMs, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "telegram: flood limit hit, pausing all sends for {RetryAfter} s")]
    private static partial void LogFloodPause(ILogger logger, int retryAfter);

    private sealed record Call(string Method, TimeSpan Timeout, ChatId? RateLimitChat);
}
