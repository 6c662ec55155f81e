using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class RouteConfiguration : TenantEntityConfiguration<Route>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Route> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Route.NameMaxLength);
        builder.Property(r => r.Prefix).HasMaxLength(Route.PrefixMaxLength).IsUnicode(false).IsOrdinalText();

        // Gateway ids in try order. A JSON list cannot carry foreign keys: the API checks them on write.
        builder.PrimitiveCollection(r => r.RoutingGatewayIds).IsUnicode(false);

        ReferencesSameTenant<Phone>(builder, nameof(Route.PhoneId), required: false);

        builder.HasIndex(r => new { r.TenantId, r.Prefix }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Status });
    }
}
