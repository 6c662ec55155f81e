using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class PackageConfiguration : TenantEntityConfiguration<Package>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Package> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Package.NameMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3).IsUnicode(false);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}
