using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Registers the database of the configured provider.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? options.ConnectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<DigestDbContextFactory>();
        services.AddSingleton<IDbContextFactory<DigestDbContext>>(sp => sp.GetRequiredService<DigestDbContextFactory>());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
