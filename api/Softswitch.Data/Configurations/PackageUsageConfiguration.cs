using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class PackageUsageConfiguration : TenantEntityConfiguration<PackageUsage>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<PackageUsage> builder)
    {
        builder.Property(u => u.SubscriptionId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();

        // One running total per subscription and period.
        builder.HasIndex(u => new { u.TenantId, u.SubscriptionId, u.PeriodStart }).IsUnique();
    }
}
