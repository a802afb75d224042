using DigestBot.Core.Summaries;

namespace DigestBot.Summaries;

/// <summary>Registers the extractive summarizer and the reader-facing summaries.</summary>
public static class SummariesServiceCollectionExtensions
{
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummariesOptions>().BindConfiguration(SummariesOptions.Section);
        services.AddSingleton<ExtractiveSummarizer>();
        services.AddSingleton<IReaderSummaries, StoredSummaries>();
        return services;
    }
}
