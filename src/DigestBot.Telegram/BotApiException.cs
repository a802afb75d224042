namespace DigestBot.Telegram;

/// <summary>The Bot API answered with <c>ok: false</c>.</summary>
public sealed class BotApiException(int errorCode, string description, int? retryAfter = null, long? migrateToChatId = null)
    : Exception($"Bot API error {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public long? MigrateToChatId { get; } = migrateToChatId;
}
