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

        if (options.UpdatesInFlight is < 1 or > 1000)
        {
            failures.Add($"{Setting("UpdatesInFlight")} must be between 1 and 1000, got {options.UpdatesInFlight}");
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Setting(string key) => $"{sectionName}:{key} (env {sectionName.Replace(":", "__", StringComparison.Ordinal)}__{key.Replace(":", "__", StringComparison.Ordinal)})";

    // Telegram.Bot takes a bot id of at most 16 digits; a longer one would pass here and fail when the client is made.
    [GeneratedRegex(@"^[0-9]{1,16}:[A-Za-z0-9_-]+\z")]
    private static partial Regex TokenPattern();
}
