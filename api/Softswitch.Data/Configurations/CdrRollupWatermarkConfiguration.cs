using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class CdrRollupWatermarkConfiguration : TenantEntityConfiguration<CdrRollupWatermark>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<CdrRollupWatermark> builder)
    {
        builder.Property(w => w.CdrId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.HasIndex(w => w.TenantId).IsUnique();
    }
}
