using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>Platform-wide: the honeypot belongs to no tenant.</summary>
public sealed class ScannerDestinationConfiguration : EntityConfiguration<ScannerDestination>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ScannerDestination> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(ScannerDestination.NumberMaxLength).IsUnicode(false);
        builder.Property(d => d.LastSource).HasMaxLength(IpBan.AddressMaxLength).IsUnicode(false);

        // The writer finds a number's row; the switch reads recent changes; the purge job the oldest dials.
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => d.UpdatedAt);
        builder.HasIndex(d => d.LastDialledAt);
    }
}
