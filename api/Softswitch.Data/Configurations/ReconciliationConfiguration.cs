using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class ReconciliationConfiguration : TenantEntityConfiguration<Reconciliation>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Reconciliation> builder)
    {
        builder.Property(e => e.RoutingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.ComplexCollection(e => e.Mismatches, mismatch => mismatch.ToJson());
        builder.HasIndex(e => new { e.TenantId, e.RoutingGatewayId, e.PeriodFrom });
    }
}
