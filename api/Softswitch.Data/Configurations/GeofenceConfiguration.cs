using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class GeofenceConfiguration : TenantEntityConfiguration<Geofence>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Geofence> builder)
    {
        builder.Ignore(g => g.TargetId);

        // A set in use cannot be deleted; a trunk, vendor or phone takes its fence with it.
        ReferencesSameTenant<IpRangeSet>(builder, nameof(Geofence.IpRangeSetId), required: true);
        ReferencesSameTenant<MappingGateway>(builder, nameof(Geofence.MappingGatewayId), required: false, DeleteBehavior.Cascade);
        ReferencesSameTenant<RoutingGateway>(builder, nameof(Geofence.RoutingGatewayId), required: false, DeleteBehavior.Cascade);
        ReferencesSameTenant<Phone>(builder, nameof(Geofence.PhoneId), required: false, DeleteBehavior.Cascade);

        // One fence per target (SQL Server filters out the NULLs of the other levels); one tenant-level fence is
        // checked by the API.
        builder.HasIndex(g => new { g.TenantId, g.MappingGatewayId }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.RoutingGatewayId }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.PhoneId }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.IpRangeSetId });
    }
}
