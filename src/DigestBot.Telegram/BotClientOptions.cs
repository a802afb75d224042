using DigestBot.Telegram.Sending;

namespace DigestBot.Telegram;

/// <summary>Settings of the Bot API client, bound from the "Telegram" section by default.</summary>
public sealed class BotClientOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The bot token from @BotFather, "123456:ABC-DEF..."; it is a password, so it is never logged.</summary>
    public string Token { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");

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

    /// <summary>The flood limits every message sent into a chat waits for.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary><c>Polling</c> (getUpdates, the default) or <c>Webhook</c>; kept as text so a typo gets a clear message.</summary>
    public string Mode { get; set; } = nameof(UpdateMode.Polling);

    /// <summary>The public https URL Telegram posts updates to in webhook mode; its path is where the bot listens.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram with every webhook call, so calls from anyone else are refused; a password, never logged.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How many webhook calls Telegram makes at once (1 to 100).</summary>
    public int MaxConnections { get; set; } = 40;

    /// <summary>The mode <see cref="Mode"/> names; anything else (which the options check refuses) reads as polling.</summary>
    public UpdateMode ModeKind => Enum.GetValues<UpdateMode>().FirstOrDefault(mode => string.Equals(mode.ToString(), Mode, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How the bot receives its updates.</summary>
public enum UpdateMode
{
    /// <summary>The bot asks for updates with long-polling getUpdates calls.</summary>
    Polling,

    /// <summary>Telegram posts each update to the bot's public URL.</summary>
    Webhook,
}
