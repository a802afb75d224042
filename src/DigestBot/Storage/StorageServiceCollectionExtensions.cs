using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Registers the database on the engine <c>Storage:Provider</c> picks, with that engine's search index.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configured) =>
                options.ConnectionString = configured.GetConnectionString(StorageOptions.ConnectionStringName) ?? options.ConnectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        var provider = StorageProviders.For(StorageOptions.Read(configuration));
        services.AddSingleton(provider);
        provider.AddSearch(services);
        services.AddSingleton<DigestDbContextFactory>();
        services.AddSingleton<IDbContextFactory<DigestDbContext>>(sp => sp.GetRequiredService<DigestDbContextFactory>());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ArticleChanges>();
        return services;
    }
}
