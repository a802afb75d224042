using DigestBot.Core.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigestBot.Storage.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("Sources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).IsRequired().HasMaxLength(2000);
        builder.HasIndex(s => s.Url).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasMaxLength(16);
        builder.Property(s => s.Language)
            .HasConversion(new ValueConverter<Language, string>(l => l.ToCode(), code => ParseLanguage(code)))
            .HasMaxLength(2);
        builder.Property(s => s.Topics).IsRequired().HasMaxLength(1000);
        builder.Property(s => s.ETag).HasMaxLength(500);
        builder.Property(s => s.LastModified).HasMaxLength(100);
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.Ignore(s => s.TopicList);
        builder.HasIndex(s => s.NextPollAt);
    }

    private static Language ParseLanguage(string code) =>
        LanguageCodes.TryParse(code, out var language) ? language : Language.En;
}
