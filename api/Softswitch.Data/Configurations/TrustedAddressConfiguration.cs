using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class TrustedAddressConfiguration : TenantEntityConfiguration<TrustedAddress>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<TrustedAddress> builder)
    {
        builder.Property(t => t.Block).HasMaxLength(TrustedAddress.BlockMaxLength).IsUnicode(false);
        builder.Property(t => t.Description).HasMaxLength(TrustedAddress.DescriptionMaxLength);
        builder.HasIndex(t => new { t.TenantId, t.Block }).IsUnique();
    }
}
