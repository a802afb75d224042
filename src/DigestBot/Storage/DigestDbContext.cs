using Microsoft.EntityFrameworkCore;

namespace DigestBot.Storage;

/// <summary>The bot's database: articles, where each came from and their translated summaries, chats, their settings and digests,
/// and the hashes of the articles retention removed.</summary>
/// <remarks>Each provider has a derived context so that each keeps migrations of its own.</remarks>
public abstract class DigestDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();

    public DbSet<ArticleOrigin> ArticleOrigins => Set<ArticleOrigin>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<TranslatedSummary> TranslatedSummaries => Set<TranslatedSummary>();

    public DbSet<ChatSettings> Chats => Set<ChatSettings>();

    public DbSet<BotState> BotState => Set<BotState>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<PrunedArticle> PrunedArticles => Set<PrunedArticle>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DigestDbContext).Assembly);
}
