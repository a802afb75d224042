using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Search;

/// <summary>Registers full-text search: its options here, its index with the storage engine (<see cref="IStorageProvider.AddSearch"/>).</summary>
public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        return services;
    }

    /// <summary>An engine's index (kept in step at start, checked by <c>digestbot check</c>) and its search.</summary>
    public static IServiceCollection AddSearchIndex<TIndexer, TSearch>(this IServiceCollection services)
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
