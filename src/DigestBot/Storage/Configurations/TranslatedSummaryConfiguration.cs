using DigestBot.Core.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class TranslatedSummaryConfiguration : IEntityTypeConfiguration<TranslatedSummary>
{
    public const int MaxModelLength = 200;
    public const int MaxTitleLength = 1000;
    public const int MaxSummaryLength = 2000;

    public void Configure(EntityTypeBuilder<TranslatedSummary> builder)
    {
        builder.ToTable("TranslatedSummaries");
        builder.HasKey(t => new { t.ArticleId, t.Language, t.Model });
        builder.Property(t => t.Language)
            .HasConversion(l => l.ToCode(), code => ParseLanguage(code))
            .HasMaxLength(2);
        builder.Property(t => t.Model).HasMaxLength(MaxModelLength);
        builder.Property(t => t.Title).IsRequired().HasMaxLength(MaxTitleLength);
        builder.Property(t => t.Summary).IsRequired().HasMaxLength(MaxSummaryLength);
        builder.Property(t => t.ContentHash).IsRequired().HasMaxLength(64);
        builder.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }

    private static Language ParseLanguage(string code) =>
        LanguageCodes.TryParse(code, out var language) ? language : Language.En;
}
