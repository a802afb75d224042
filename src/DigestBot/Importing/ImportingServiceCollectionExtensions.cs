using DigestBot.Core.Importing;
using Microsoft.Extensions.Options;

namespace DigestBot.Importing;

/// <summary>Registers the seed importer and the seeds folder sync.</summary>
public static class ImportingServiceCollectionExtensions
{
    public static IServiceCollection AddImporting(this IServiceCollection services)
    {
        services.AddOptions<SeedsOptions>().BindConfiguration(SeedsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SeedsOptions>, SeedsOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var seeds = sp.GetRequiredService<IOptions<SeedsOptions>>().Value;
            return new DocumentReader(seeds.MaxFileBytes, seeds.MaxArticleBytes);
        });
        services.AddSingleton<ArticleImporter>();
        services.AddSingleton<SeedSync>();
        return services;
    }
}
