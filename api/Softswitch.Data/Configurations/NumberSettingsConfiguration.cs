using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class NumberSettingsConfiguration : TenantEntityConfiguration<NumberSettings>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<NumberSettings> builder)
    {
        builder.Property(s => s.HomeCountry).HasMaxLength(2).IsUnicode(false);
        builder.PrimitiveCollection(s => s.HighRiskPrefixes).IsUnicode(false);

        // One row per tenant.
        builder.HasIndex(s => s.TenantId).IsUnique();
    }
}
