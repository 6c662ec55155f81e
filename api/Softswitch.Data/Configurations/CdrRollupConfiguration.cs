using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class CdrRollupConfiguration : TenantEntityConfiguration<CdrRollup>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<CdrRollup> builder)
    {
        builder.Property(r => r.Dimension).HasMaxLength(24);
        builder.Property(r => r.Key).HasMaxLength(CdrRollup.KeyMaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(r => r.SubKey).HasMaxLength(CdrRollup.SubKeyMaxLength).IsUnicode(false).IsOrdinalText();

        // One row per (tenant, dimension, hour, key); every report reads "this tenant, this dimension, these hours".
        builder.HasIndex(r => new { r.TenantId, r.Dimension, r.Hour, r.Key, r.SubKey }).IsUnique();
    }
}
