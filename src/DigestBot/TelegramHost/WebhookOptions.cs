using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DigestBot.TelegramHost;

/// <summary>How the bot receives its updates, bound from the "Telegram" section beside the client's settings.</summary>
public sealed class WebhookOptions
{
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

/// <summary>Checks <see cref="WebhookOptions"/> at start-up, naming the setting and its environment variable in each failure.</summary>
internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();

        // Only the names: Enum.TryParse would also take "1" or "Polling, Webhook".
        if (!Enum.GetNames<UpdateMode>().Contains(options.Mode, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Setting("Mode")} must be Polling or Webhook, not '{options.Mode}'");
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.MaxConnections is < 1 or > 100)
        {
            failures.Add($"{Setting("MaxConnections")} must be between 1 and 100, got {options.MaxConnections}");
        }

        if (options.ModeKind == UpdateMode.Webhook)
        {
            ValidateWebhook(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebhook(WebhookOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            failures.Add($"{Setting("WebhookUrl")} must be set when {Setting("Mode")} is Webhook: the public https URL Telegram posts updates to, such as https://bot.example.org/telegram");
        }
        else if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(webhook.Query) || !string.IsNullOrEmpty(webhook.Fragment))
        {
            failures.Add($"{Setting("WebhookUrl")} must be an absolute https URL without a query, such as https://bot.example.org/telegram, not '{options.WebhookUrl}'");
        }

        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            failures.Add($"{Setting("WebhookSecret")} must be set when {Setting("Mode")} is Webhook: 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        }
        else if (options.WebhookSecret.Length > 256)
        {
            failures.Add($"{Setting("WebhookSecret")} must be at most 256 characters, got {options.WebhookSecret.Length}");
        }
        else if (!SecretPattern().IsMatch(options.WebhookSecret))
        {
            // The secret itself is never echoed: the line may end up in a log.
            failures.Add($"{Setting("WebhookSecret")} may only hold A-Z, a-z, 0-9, _ and -");
        }
    }

    private static string Setting(string key) =>
        $"{TelegramServiceCollectionExtensions.Section}:{key} (env {TelegramServiceCollectionExtensions.Section}__{key})";

    // The Bot API's rule for setWebhook's secret_token.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z")]
    private static partial Regex SecretPattern();
}
