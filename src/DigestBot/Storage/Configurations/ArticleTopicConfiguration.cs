using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class ArticleTopicConfiguration : IEntityTypeConfiguration<ArticleTopic>
{
    public void Configure(EntityTypeBuilder<ArticleTopic> builder)
    {
        builder.ToTable("ArticleTopics");
        builder.HasKey(t => new { t.ArticleId, t.TopicId });
        builder.Property(t => t.TopicId).HasMaxLength(40);
        builder.HasIndex(t => new { t.TopicId, t.ArticleId });
    }
}
