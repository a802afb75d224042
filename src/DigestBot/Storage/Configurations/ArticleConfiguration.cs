using DigestBot.Core.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("Articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).IsRequired().HasMaxLength(1000);
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.Language)
            .HasConversion(l => l.ToCode(), code => ParseLanguage(code))
            .HasMaxLength(2)
            .IsRequired();
        builder.Property(a => a.Source).HasMaxLength(200);
        builder.Property(a => a.Url).HasMaxLength(2000);
        builder.HasIndex(a => a.Url);
        builder.Property(a => a.ImageUrl).HasMaxLength(2000);
        builder.Property(a => a.ContentHash).IsRequired().HasMaxLength(64);
        builder.HasIndex(a => a.ContentHash).IsUnique();
        builder.HasIndex(a => new { a.Language, a.PublishedAt });
        builder.HasIndex(a => a.ImportedAt);
        builder.HasMany(a => a.Topics).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    private static Language ParseLanguage(string code) =>
        LanguageCodes.TryParse(code, out var language) ? language : Language.En;
}
