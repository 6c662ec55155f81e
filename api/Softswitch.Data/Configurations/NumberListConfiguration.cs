using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class NumberListConfiguration : TenantEntityConfiguration<NumberList>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<NumberList> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(NumberList.NameMaxLength);

        // Group ids in a JSON list cannot carry foreign keys: the API checks them on write.
        builder.PrimitiveCollection(l => l.NumberGroupIds).IsUnicode(false);
        builder.HasIndex(l => new { l.TenantId, l.Name }).IsUnique();
    }
}
