namespace DigestBot.Telegram;

/// <summary>Settings of the Bot API client, bound from the "Telegram" section by default.</summary>
public sealed class BotClientOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The host of Telegram's own Bot API server, the default <see cref="ApiBaseUrl"/>.</summary>
    public const string TelegramHost = "api.telegram.org";

    /// <summary>The bot token from @BotFather, "123456:ABC-DEF..."; it is a password, so it is never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Where the Bot API is served: Telegram, a local Bot API server or a test emulator; only its scheme, host and port count.</summary>
    public Uri ApiBaseUrl { get; set; } = new($"https://{TelegramHost}");

    /// <summary>How long one attempt may take; a long poll gets its own timeout on top.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed request is repeated after a flood limit, a server error or a dropped connection.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The longest flood-limit wait the client sits out; a longer one fails at once so the caller can decide.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first delay of the exponential backoff after a server error or a dropped connection.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long getUpdates waits for an update before answering with none.</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How many updates are handled at once, of different chats; one chat's updates are handled one at a time, in order.</summary>
    public int UpdatesInFlight { get; set; } = 32;

    /// <summary>The flood limits every message sent into a chat waits for.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}
