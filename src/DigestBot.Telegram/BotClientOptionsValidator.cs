using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DigestBot.Telegram;

/// <summary>Checks <see cref="BotClientOptions"/> at start-up, naming the setting in each failure.</summary>
internal sealed partial class BotClientOptionsValidator(string sectionName) : IValidateOptions<BotClientOptions>
{
    public ValidateOptionsResult Validate(string? name, BotClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"{sectionName}:Token is missing: set it to the token @BotFather gave the bot");
        }
        else if (!TokenPattern().IsMatch(options.Token))
        {
            // The token becomes part of the request path, so anything but its documented shape is refused.
            failures.Add($"{sectionName}:Token is malformed: expected \"<bot id>:<secret>\"");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{sectionName}:ApiBaseUrl must be an absolute http or https URL");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:RequestTimeout must be positive, got {options.RequestTimeout}");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{sectionName}:MaxRetries must be between 0 and 10, got {options.MaxRetries}");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:MaxRetryAfter must not be negative, got {options.MaxRetryAfter}");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{sectionName}:RetryBaseDelay must not be negative, got {options.RetryBaseDelay}");
        }

        if (options.PollingTimeout < TimeSpan.Zero || options.PollingTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{sectionName}:PollingTimeout must be between 0 and 5 minutes, got {options.PollingTimeout}");
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
                failures.Add($"{sectionName}:RateLimits:{setting} must be at least 1, got {value}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();
}
