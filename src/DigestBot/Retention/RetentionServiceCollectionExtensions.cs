namespace DigestBot.Retention;

/// <summary>Registers the prune of the store; the daily job that runs it comes with the scheduler (<c>AddDigestJobs</c>).</summary>
public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services) => services.AddSingleton<StoreRetention>();
}
