namespace DigestBot.Features;

/// <summary>Registers every feature of the bot.</summary>
public static class FeaturesServiceCollectionExtensions
{
    /// <summary>Registers each <see cref="IFeature"/> of this assembly, in name order so that every start is alike.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        var features = typeof(IFeature).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IFeature)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in features)
        {
            ((IFeature)Activator.CreateInstance(type)!).Register(services);
        }

        return services;
    }
}
