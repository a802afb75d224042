using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>How the bot polls its news feeds and fetches their pages (section <c>Sources</c>).</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>How often a source is polled unless it sets its own interval.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where a site owner can learn about the bot; it goes into the User-Agent of every request.</summary>
    public string? ContactUrl { get; set; }

    /// <summary>The largest feed or page read, after decompression; a larger one fails unread.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long one request may take, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lets feeds and pages sit on loopback, private, link-local or multicast addresses (an intranet, tests).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Host names that may resolve to private addresses while every other stays refused: a feed server on an intranet.</summary>
    public string[] PrivateHosts { get; set; } = [];

    /// <summary>A source failing for longer than this is listed by <c>/healthz</c>, which then reports degraded.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest wait after failures: the wait doubles per failure up to this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Article pages fetched at once, across hosts; one host gets one request at a time whatever this says.</summary>
    public int PageConcurrency { get; set; } = 8;

    /// <summary>The sources file synced into the table at start, like the topic catalogue; missing is fine.</summary>
    public string CatalogPath { get; set; } = "seeds/sources.json";
}

internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Sources:PollInterval (env Sources__PollInterval) must be at least 00:01:00.");
        }

        if (options.ContactUrl is { Length: > 0 } contact && !Uri.TryCreate(contact, UriKind.Absolute, out _))
        {
            failures.Add($"Sources:ContactUrl (env Sources__ContactUrl) must be an absolute URL such as https://example.org/bot, not '{contact}'.");
        }

        if (options.MaxBytes < 1024)
        {
            failures.Add("Sources:MaxBytes (env Sources__MaxBytes) must be at least 1024.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Sources:Timeout (env Sources__Timeout) must be between 00:00:01 and 00:10:00.");
        }

        if (options.StaleAfter < TimeSpan.FromMinutes(1))
        {
            failures.Add("Sources:StaleAfter (env Sources__StaleAfter) must be at least 00:01:00.");
        }

        if (options.MaxBackoff < TimeSpan.FromMinutes(1))
        {
            failures.Add("Sources:MaxBackoff (env Sources__MaxBackoff) must be at least 00:01:00.");
        }

        if (options.PageConcurrency is < 1 or > 64)
        {
            failures.Add("Sources:PageConcurrency (env Sources__PageConcurrency) must be between 1 and 64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
