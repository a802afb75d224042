using DigestBot.Core.Topics;
using Microsoft.Extensions.Options;

namespace DigestBot.Topics;

/// <summary>Loads the topic catalogue once at start.</summary>
public static class TopicsServiceCollectionExtensions
{
    public static IServiceCollection AddTopics(this IServiceCollection services)
    {
        services.AddOptions<TopicsOptions>().BindConfiguration(TopicsOptions.Section);
        services.AddSingleton(sp => Load(
            sp.GetRequiredService<IOptions<TopicsOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILogger<TopicCatalog>>()));
        services.AddSingleton(sp => new TopicTagger(sp.GetRequiredService<TopicCatalog>()));
        return services;
    }

    // A broken catalogue must not keep the bot from serving articles: it runs without topics and says why.
    private static TopicCatalog Load(TopicsOptions options, IHostEnvironment environment, ILogger logger)
    {
        var path = Path.GetFullPath(options.CatalogPath, environment.ContentRootPath);
        try
        {
            var catalog = TopicCatalog.Parse(File.ReadAllText(path));
            logger.LogInformation("Topics: {Count} topics read from {Path}", catalog.All.Count, path);
            return catalog;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            logger.LogError("Topics: unable to read the catalogue {Path}: {Reason}; articles get no topics", path, ex.Message);
            return TopicCatalog.Empty;
        }
    }
}
