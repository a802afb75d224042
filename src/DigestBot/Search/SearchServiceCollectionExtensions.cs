using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Search;

/// <summary>Registers full-text search for the configured storage provider.</summary>
public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return storage.ProviderKind == StorageProvider.Postgres
            ? services.AddSearch<PostgresArticleIndexer, PostgresArticleSearch>()
            : services.AddSearch<SqliteArticleIndexer, SqliteArticleSearch>();
    }

    private static IServiceCollection AddSearch<TIndexer, TSearch>(this IServiceCollection services)
        where TIndexer : class, IArticleIndexer, IStorageStartupStep, ISearchIndexCheck
        where TSearch : class, IArticleSearch
    {
        services.AddSingleton<TIndexer>();
        services.AddSingleton<IArticleIndexer>(sp => sp.GetRequiredService<TIndexer>());
        services.AddSingleton<IStorageStartupStep>(sp => sp.GetRequiredService<TIndexer>());
        services.AddSingleton<ISearchIndexCheck>(sp => sp.GetRequiredService<TIndexer>());
        services.AddSingleton<IArticleSearch, TSearch>();
        return services;
    }
}
