namespace DigestBot.Telegram;

/// <summary>Telegram's flood limits on sending, bound from "Telegram:RateLimits"; the defaults are the documented ones.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Messages per second across all chats.</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages per second into one chat.</summary>
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages per minute into one group, supergroup or channel.</summary>
    public int PerGroupPerMinute { get; set; } = 20;
}
