using DigestBot.Core.Summaries;
using Microsoft.Extensions.Options;

namespace DigestBot.Summaries;

/// <summary>Registers the extractive summarizer and the reader-facing summaries of the configured provider.</summary>
public static class SummariesServiceCollectionExtensions
{
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummariesOptions>().BindConfiguration(SummariesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummariesOptions>, SummariesOptionsValidator>();
        services.AddSingleton<ExtractiveSummarizer>();
        services.AddSingleton<StoredSummaries>();
        services.AddSingleton<OpenAISummaryWriter>();
        services.AddSingleton<OpenAIReaderSummaries>();

        // Reading the options here validates them, so an unknown provider or a missing model fails with its setting named.
        services.AddSingleton<IReaderSummaries>(sp =>
            sp.GetRequiredService<IOptions<SummariesOptions>>().Value.ProviderKind == SummariesProvider.OpenAI
                ? sp.GetRequiredService<OpenAIReaderSummaries>()
                : sp.GetRequiredService<StoredSummaries>());
        return services;
    }
}
