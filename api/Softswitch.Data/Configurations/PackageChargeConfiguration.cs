using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class PackageChargeConfiguration : TenantEntityConfiguration<PackageCharge>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<PackageCharge> builder)
    {
        builder.Property(c => c.SubscriptionId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.LedgerEntryId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();

        // A period's rent or shortfall is charged once, however often the renewal job runs.
        builder.HasIndex(c => new { c.TenantId, c.SubscriptionId, c.PeriodStart, c.Kind }).IsUnique();
    }
}
