using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("Subscriptions");
        builder.HasKey(s => s.ChatId);
        builder.Property(s => s.ChatId).ValueGeneratedNever();
        builder.Property(s => s.TimeZone).IsRequired().HasMaxLength(64);
        builder.Property(s => s.Topics).IsRequired().HasMaxLength(400);
        builder.Property(s => s.Filters).IsRequired().HasMaxLength(600);
        builder.Ignore(s => s.TopicIds);
        builder.HasIndex(s => s.ManagedBy);
        builder.HasOne<ChatSettings>().WithOne().HasForeignKey<Subscription>(s => s.ChatId).OnDelete(DeleteBehavior.Cascade);
    }
}
