using DigestBot.Storage;

namespace DigestBot.Search;

/// <summary>Registers full-text search for the configured storage provider.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <remarks>Only SQLite has a search index so far; on PostgreSQL nothing is registered and search is unavailable.</remarks>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.ProviderKind != StorageProvider.Sqlite)
        {
            return services;
        }

        services.AddSingleton<SqliteArticleIndexer>();
        services.AddSingleton<IArticleIndexer>(sp => sp.GetRequiredService<SqliteArticleIndexer>());
        services.AddSingleton<IStorageStartupStep>(sp => sp.GetRequiredService<SqliteArticleIndexer>());
        services.AddSingleton<IArticleSearch, SqliteArticleSearch>();
        return services;
    }
}
