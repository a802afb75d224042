using DigestBot.Features.Digests;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>Registers the scheduler (section <c>Quartz</c>) and the daily digests it fires.</summary>
public static class JobsServiceCollectionExtensions
{
    public const string Section = "Quartz";

    public static IServiceCollection AddDigestJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // The store is Quartz's default, in memory, unless the Quartz section names another (a clustered ADO.NET store).
        // The clock is the container's TimeProvider, which Quartz takes when none is given in code.
        services.AddQuartz(configuration.GetSection(Section));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<IScheduleListener>(sp => sp.GetRequiredService<DigestScheduler>());
        services.AddSingleton<DigestSender>();
        services.AddHostedService<DigestStartup>();
        return services;
    }
}
