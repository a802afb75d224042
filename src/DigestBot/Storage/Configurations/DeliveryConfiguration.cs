using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigestBot.Storage.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("Deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.MessageIds).IsRequired().HasMaxLength(200);
        builder.Property(d => d.Error).HasMaxLength(500);
        builder.Property(d => d.Node).IsRequired().HasMaxLength(200);

        // The unique key is what stops a second send of the same window, whoever tries it.
        builder.HasIndex(d => new { d.ChatId, d.WindowEnd }).IsUnique();
        builder.HasIndex(d => d.State);
    }
}
