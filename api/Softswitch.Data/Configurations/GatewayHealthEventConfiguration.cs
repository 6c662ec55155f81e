using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class GatewayHealthEventConfiguration : TenantEntityConfiguration<GatewayHealthEvent>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<GatewayHealthEvent> builder)
    {
        builder.Property(e => e.RoutingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();

        // The gateway_down alarm reads the latest event per gateway; retention deletes by time.
        builder.HasIndex(e => new { e.TenantId, e.RoutingGatewayId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
