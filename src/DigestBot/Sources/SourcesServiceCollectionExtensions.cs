using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Sources;

/// <summary>Registers live sources: the table, the polite HTTP client, the poller and, for <c>run</c>, its Quartz job.</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddSourceHttp();
        services.AddSingleton<SourceFetcher>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<SourceStore>();
        return services;
    }

    /// <summary>Polls due sources every minute while the bot runs; on PostgreSQL one node of the cluster does it.</summary>
    public static IServiceCollection AddSourcePolling(this IServiceCollection services)
    {
        services.AddQuartz(quartz => quartz.ScheduleJob<SourcesJob>(
            trigger => trigger.WithIdentity("poll", "sources").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()),
            job => job.WithIdentity(SourcesJob.Key)));
        return services;
    }
}
