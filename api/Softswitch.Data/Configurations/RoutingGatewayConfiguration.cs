using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class RoutingGatewayConfiguration : TenantEntityConfiguration<RoutingGateway>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<RoutingGateway> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(RoutingGateway.NameMaxLength);
        builder.Property(g => g.Host).HasMaxLength(RoutingGateway.HostMaxLength).IsUnicode(false);
        builder.Property(g => g.AddPrefix).HasMaxLength(RoutingGateway.AddPrefixMaxLength).IsUnicode(false).IsOrdinalText();
        builder.PrimitiveCollection(g => g.FailoverCodes);
        builder.PrimitiveCollection(g => g.StopCodes);
        builder.Property(g => g.NumberScreening).HasJsonConversion();
        builder.Property(g => g.OptionsPingSeconds).HasDefaultValue(RoutingGateway.DefaultOptionsPingSeconds);
        ReferencesSameTenant<Account>(builder, nameof(RoutingGateway.AccountId), required: true);

        builder.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.AccountId });
        builder.HasIndex(g => new { g.TenantId, g.Status });
    }
}
