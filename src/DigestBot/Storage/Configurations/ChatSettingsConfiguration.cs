using DigestBot.Core.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class ChatSettingsConfiguration : IEntityTypeConfiguration<ChatSettings>
{
    public void Configure(EntityTypeBuilder<ChatSettings> builder)
    {
        builder.ToTable("Chats");
        builder.HasKey(c => c.ChatId);
        builder.Property(c => c.ChatId).ValueGeneratedNever();
        builder.Property(c => c.Kind).IsRequired().HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(256);
        builder.Property(c => c.Language)
            .HasConversion(l => l == null ? null : l.Value.ToCode(), code => ParseLanguage(code))
            .HasMaxLength(2);
    }

    private static Language? ParseLanguage(string? code) =>
        LanguageCodes.TryParse(code, out var language) ? language : null;
}
