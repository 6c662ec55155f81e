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
        ReferencesSameTenant<NumberGroup>(builder, nameof(Route.CalleeGroupId), required: false);

        // A prefix is unique among plain routes, and with its group among group routes. Filtered because SQLite lets
        // NULLs repeat in a unique index; both providers read the bracket quoting.
        builder.HasIndex(r => new { r.TenantId, r.Prefix }).IsUnique().HasFilter("[CalleeGroupId] IS NULL");
        builder.HasIndex(r => new { r.TenantId, r.Prefix, r.CalleeGroupId }).IsUnique().HasFilter("[CalleeGroupId] IS NOT NULL");
        builder.HasIndex(r => new { r.TenantId, r.Status });
    }
}
