namespace DigestBot.Features;

/// <summary>A feature folder's registration: its handlers with their commands, and the services only it uses.</summary>
/// <remarks><see cref="FeaturesServiceCollectionExtensions.AddFeatures"/> finds every one in the assembly, so a new
/// folder needs no line anywhere else.</remarks>
public interface IFeature
{
    void Register(IServiceCollection services);
}
