using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class NumberGroupConfiguration : TenantEntityConfiguration<NumberGroup>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<NumberGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(NumberGroup.NameMaxLength);
        builder.PrimitiveCollection(g => g.Prefixes).IsUnicode(false);
        builder.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
    }
}
