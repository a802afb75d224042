namespace DigestBot.Features.Articles;

/// <summary>The article lists and cards that /latest, /search and /topic show; no command of its own.</summary>
public sealed class ArticlesFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ArticleQueries>();
        services.AddSingleton<ArticleCards>();
    }
}
