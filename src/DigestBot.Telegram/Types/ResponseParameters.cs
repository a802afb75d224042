namespace DigestBot.Telegram.Types;

/// <summary>Why a request failed and how it can be repeated.</summary>
public sealed record ResponseParameters
{
    /// <summary>Seconds to wait before repeating a request that hit a flood limit.</summary>
    public int? RetryAfter { get; init; }

    /// <summary>The id a group has as a supergroup after a migration.</summary>
    public long? MigrateToChatId { get; init; }
}
