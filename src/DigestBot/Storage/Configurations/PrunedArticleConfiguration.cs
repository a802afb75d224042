using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class PrunedArticleConfiguration : IEntityTypeConfiguration<PrunedArticle>
{
    public void Configure(EntityTypeBuilder<PrunedArticle> builder)
    {
        builder.ToTable("PrunedArticles");
        builder.HasKey(p => p.ContentHash);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
    }
}
