using DigestBot.Core.Summaries;
using DigestBot.Storage.Configurations;
using Microsoft.Extensions.Options;

namespace DigestBot.Summaries;

/// <summary>How summaries are written (section <c>Summaries</c>).</summary>
public sealed class SummariesOptions
{
    public const string Section = "Summaries";

    /// <summary>At most this many sentences in an extractive summary.</summary>
    public int MaxSentences { get; set; } = 2;

    /// <summary>About this many characters at most; sentences are never cut.</summary>
    public int MaxChars { get; set; } = 300;

    /// <summary><c>Extractive</c> (the default) or <c>OpenAI</c>; kept as text so a typo gets a clear message.</summary>
    public string Provider { get; set; } = nameof(SummariesProvider.Extractive);

    /// <summary>The OpenAI-compatible server used when <see cref="Provider"/> is <c>OpenAI</c>.</summary>
    public OpenAISummariesOptions OpenAI { get; set; } = new();

    public SummariesProvider ProviderKind =>
        Enum.TryParse<SummariesProvider>(Provider, ignoreCase: true, out var kind) ? kind : SummariesProvider.Extractive;

    public SummaryLimits ToSummaryOptions() => new() { MaxSentences = MaxSentences, MaxChars = MaxChars };
}

/// <summary>Who writes the summaries a reader sees.</summary>
public enum SummariesProvider
{
    /// <summary>The extractive summary stored at import, in the article's language.</summary>
    Extractive,

    /// <summary>An OpenAI-compatible chat model writes title and summary in the reader's language.</summary>
    OpenAI,
}

/// <summary>An OpenAI-compatible Chat Completions server: OpenAI itself, or a local Ollama, vLLM or llama.cpp (section <c>Summaries:OpenAI</c>).</summary>
public sealed class OpenAISummariesOptions
{
    /// <summary>The API root that <c>/chat/completions</c> is appended to, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    /// <summary>Required by OpenAI; local servers take any value or none.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "";

    /// <summary>How long a reader waits for one summary, queueing included, before the stored one is used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>At most this many calls at once; the rest wait their turn.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Longer bodies are cut at a sentence (or word) boundary before they are sent.</summary>
    public int MaxInputChars { get; set; } = 6000;
}

internal sealed class SummariesOptionsValidator : IValidateOptions<SummariesOptions>
{
    public ValidateOptionsResult Validate(string? name, SummariesOptions options)
    {
        var failures = new List<string>();
        if (!Enum.TryParse<SummariesProvider>(options.Provider, ignoreCase: true, out var provider))
        {
            failures.Add($"Summaries:Provider (env Summaries__Provider) must be Extractive or OpenAI, not '{options.Provider}'.");
        }

        if (options.MaxSentences < 1)
        {
            failures.Add("Summaries:MaxSentences (env Summaries__MaxSentences) must be at least 1.");
        }

        if (options.MaxChars < 50)
        {
            failures.Add("Summaries:MaxChars (env Summaries__MaxChars) must be at least 50.");
        }

        if (provider == SummariesProvider.OpenAI)
        {
            ValidateOpenAI(options.OpenAI, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateOpenAI(OpenAISummariesOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add(
                "Summaries:OpenAI:BaseUrl (env Summaries__OpenAI__BaseUrl) must be an absolute http or https URL such as " +
                $"https://api.openai.com/v1 or http://localhost:11434/v1, not '{options.BaseUrl}'.");
        }
        else if (baseUrl.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Summaries:OpenAI:ApiKey (env Summaries__OpenAI__ApiKey) must be set to call api.openai.com.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Summaries:OpenAI:Model (env Summaries__OpenAI__Model) must name the model, for example gpt-4o-mini or qwen2.5:7b.");
        }
        else if (options.Model.Length > TranslatedSummaryConfiguration.MaxModelLength)
        {
            failures.Add($"Summaries:OpenAI:Model (env Summaries__OpenAI__Model) must be at most {TranslatedSummaryConfiguration.MaxModelLength} characters.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Summaries:OpenAI:Timeout (env Summaries__OpenAI__Timeout) must be between 00:00:01 and 00:10:00.");
        }

        if (options.MaxConcurrency is < 1 or > 256)
        {
            failures.Add("Summaries:OpenAI:MaxConcurrency (env Summaries__OpenAI__MaxConcurrency) must be between 1 and 256.");
        }

        if (options.MaxInputChars is < 200 or > 1_000_000)
        {
            failures.Add("Summaries:OpenAI:MaxInputChars (env Summaries__OpenAI__MaxInputChars) must be between 200 and 1000000.");
        }
    }
}
