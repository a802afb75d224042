using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DigestBot.Telegram;

/// <summary>Checks <see cref="BotClientOptions"/> at start-up, naming the setting and its environment variable in each failure.</summary>
internal sealed partial class BotClientOptionsValidator(string sectionName) : IValidateOptions<BotClientOptions>
{
    public ValidateOptionsResult Validate(string? name, BotClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"{Setting("Token")} must be set: the token @BotFather gave, such as 123456:ABC-DEF1234ghIkl");
        }
        else if (!TokenPattern().IsMatch(options.Token))
        {
            // The token becomes part of the request path, so anything but its documented shape is refused.
            failures.Add($"{Setting("Token")} is malformed: expected <bot id>:<secret>, such as 123456:ABC-DEF1234ghIkl");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Setting("ApiBaseUrl")} must be an absolute http or https URL, such as https://api.telegram.org");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Setting("RequestTimeout")} must be positive, got {options.RequestTimeout}");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Setting("MaxRetries")} must be between 0 and 10, got {options.MaxRetries}");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{Setting("MaxRetryAfter")} must not be negative, got {options.MaxRetryAfter}");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{Setting("RetryBaseDelay")} must not be negative, got {options.RetryBaseDelay}");
        }

        if (options.PollingTimeout < TimeSpan.Zero || options.PollingTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Setting("PollingTimeout")} must be between 0 and 5 minutes, got {options.PollingTimeout}");
        }

        foreach (var (setting, value) in new[]
        {
            ("GlobalPerSecond", options.RateLimits.GlobalPerSecond),
            ("PerChatPerSecond", options.RateLimits.PerChatPerSecond),
            ("PerGroupPerMinute", options.RateLimits.PerGroupPerMinute),
        })
        {
            if (value < 1)
            {
                failures.Add($"{Setting("RateLimits:" + setting)} must be at least 1, got {value}");
            }
        }

        ValidateReceiving(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateReceiving(BotClientOptions options, List<string> failures)
    {
        // Only the names: Enum.TryParse would also take "1" or "Polling, Webhook".
        if (!Enum.GetNames<UpdateMode>().Contains(options.Mode, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Setting("Mode")} must be Polling or Webhook, not '{options.Mode}'");
            return;
        }

        if (options.MaxConnections is < 1 or > 100)
        {
            failures.Add($"{Setting("MaxConnections")} must be between 1 and 100, got {options.MaxConnections}");
        }

        if (options.ModeKind != UpdateMode.Webhook)
        {
            return;
        }

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

    private string Setting(string key) => $"{sectionName}:{key} (env {sectionName.Replace(":", "__", StringComparison.Ordinal)}__{key.Replace(":", "__", StringComparison.Ordinal)})";

    [GeneratedRegex(@"^[0-9]+:[A-Za-z0-9_-]+\z")]
    private static partial Regex TokenPattern();

    // The Bot API's rule for setWebhook's secret_token.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z")]
    private static partial Regex SecretPattern();
}
