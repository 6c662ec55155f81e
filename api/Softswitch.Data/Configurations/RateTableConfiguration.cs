using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class RateTableConfiguration : TenantEntityConfiguration<RateTable>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<RateTable> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(RateTable.NameMaxLength);
        builder.Property(t => t.Currency).HasMaxLength(3).IsUnicode(false);
        builder.Property(t => t.Description).HasMaxLength(RateTable.DescriptionMaxLength);

        builder.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
    }
}
