using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class IpRangeConfiguration : TenantEntityConfiguration<IpRange>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<IpRange> builder)
    {
        builder.Property(r => r.First).HasMaxLength(IpRange.AddressMaxLength).IsUnicode(false);
        builder.Property(r => r.Last).HasMaxLength(IpRange.AddressMaxLength).IsUnicode(false);

        // Ranges are part of their set: deleting the set deletes them.
        ReferencesSameTenant<IpRangeSet>(builder, nameof(IpRange.IpRangeSetId), required: true, DeleteBehavior.Cascade);

        // Serves the set's listing (keyset paging by id) and the switch's load of one set.
        builder.HasIndex(r => new { r.TenantId, r.IpRangeSetId, r.Id });
    }
}
