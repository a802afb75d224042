using DigestBot.Core.Schedules;
using DigestBot.Features.Digests;
using DigestBot.Storage;
using Quartz;

namespace DigestBot.Jobs;

/// <summary>Registers the scheduler (section <c>Quartz</c>), the daily digests it fires and the daily prune of the store.</summary>
public static class JobsServiceCollectionExtensions
{
    public const string Section = "Quartz";

    private static int offsetZonesAdded;

    public static IServiceCollection AddDigestJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // A fixed offset ("UTC+05:00") is a custom zone that no system lookup finds: a trigger read back from the store
        // needs it found by its id. Quartz keeps resolvers for the whole process, so this is added once.
        if (Interlocked.Exchange(ref offsetZonesAdded, 1) == 0)
        {
            TimeZones.AddResolver(id => ScheduleZone.TryParse(id, out var zone, out _) ? zone : null);
        }

        // The clock is the container's TimeProvider, which Quartz takes when none is given in code.
        services.AddQuartz(configuration.GetSection(Section), quartz =>
        {
            // Each process gets an id of its own, even alone on SQLite: a delivery records the id of the process that
            // claimed it, and only a process that is gone leaves one to settle. An id set in the configuration is kept.
            quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId |= scheduler.InstanceId == QuartzSchedulerOptions.DefaultInstanceId);
            // Where the triggers are kept is the storage engine's choice: in memory for one process, in the database for a
            // cluster of processes sharing it.
            var storage = StorageOptions.Read(configuration);
            StorageProviders.For(storage).UseJobStore(quartz, storage.ConnectionString);

            quartz.ScheduleJob<RetentionJob>(
                trigger => trigger.WithIdentity("prune", "retention").WithCronSchedule(RetentionJob.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                job => job.WithIdentity(RetentionJob.Key));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DigestTriggers>();
        services.AddSingleton<ISubscriptionsChangedHandler>(sp => sp.GetRequiredService<DigestTriggers>());
        services.AddSingleton<DigestSender>();
        services.AddHostedService<DigestStartup>();
        return services;
    }
}
