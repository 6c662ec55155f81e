using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class IpRangeSetConfiguration : TenantEntityConfiguration<IpRangeSet>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<IpRangeSet> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(IpRangeSet.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(IpRangeSet.DescriptionMaxLength);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
    }
}
