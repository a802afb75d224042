namespace DigestBot.Telegram;

/// <summary>The Bot API answered with <c>ok: false</c>.</summary>
public sealed class BotApiException(int errorCode, string description, int? retryAfter = null, long? migrateToChatId = null, string? method = null)
    : Exception($"telegram: unable to call {method ?? "the Bot API"}: error {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    /// <summary>Seconds to wait before repeating the request, set with error 429.</summary>
    public int? RetryAfter { get; } = retryAfter;

    /// <summary>The supergroup id a group chat moved to; the request should be repeated with it.</summary>
    public long? MigrateToChatId { get; } = migrateToChatId;

    /// <summary>The Bot API method that failed, when known.</summary>
    public string? Method { get; } = method;
}
