using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class RateConfiguration : TenantEntityConfiguration<Rate>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Rate> builder)
    {
        builder.Property(r => r.Prefix).HasMaxLength(Rate.PrefixMaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(r => r.Description).HasMaxLength(Rate.DescriptionMaxLength);

        // Rates are part of their table: deleting the table deletes them.
        ReferencesSameTenant<RateTable>(builder, nameof(Rate.RateTableId), required: true, DeleteBehavior.Cascade);

        // Also serves the rating lookup: WHERE TenantId = @t AND RateTableId = @rt AND Prefix IN (prefixes of the callee).
        builder.HasIndex(r => new { r.TenantId, r.RateTableId, r.Prefix, r.EffectiveFrom }).IsUnique();
    }
}
