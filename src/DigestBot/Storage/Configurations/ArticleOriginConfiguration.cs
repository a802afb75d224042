using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class ArticleOriginConfiguration : IEntityTypeConfiguration<ArticleOrigin>
{
    public void Configure(EntityTypeBuilder<ArticleOrigin> builder)
    {
        builder.ToTable("ArticleOrigins");
        builder.HasKey(o => o.Key);
        builder.Property(o => o.Key).HasMaxLength(1000);
        builder.Property(o => o.ContentHash).IsRequired().HasMaxLength(64);
        builder.Property(o => o.EntryHash).HasMaxLength(64);
        builder.HasIndex(o => o.ArticleId);
        builder.HasOne(o => o.Article).WithMany().HasForeignKey(o => o.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
