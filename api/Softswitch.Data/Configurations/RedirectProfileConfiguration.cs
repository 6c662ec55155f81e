using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class RedirectProfileConfiguration : TenantEntityConfiguration<RedirectProfile>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<RedirectProfile> builder)
    {
        // A trunk takes its profile with it.
        ReferencesSameTenant<MappingGateway>(builder, nameof(RedirectProfile.MappingGatewayId), required: false, DeleteBehavior.Cascade);

        // One profile per trunk (SQL Server filters out the NULL of the tenant level); one tenant-level profile is checked by the API.
        builder.HasIndex(p => new { p.TenantId, p.MappingGatewayId }).IsUnique();
        builder.Property(p => p.Servers).HasJsonConversion();
        builder.PrimitiveCollection(p => p.AcceptHosts).IsUnicode(false);
        builder.PrimitiveCollection(p => p.DenyHosts).IsUnicode(false);
        builder.PrimitiveCollection(p => p.AcceptPrefixes).IsUnicode(false);
        builder.PrimitiveCollection(p => p.DenyPrefixes).IsUnicode(false);
        builder.PrimitiveCollection(p => p.CarryHeaders).IsUnicode(false);
        builder.Property(p => p.Description).HasMaxLength(RedirectProfile.DescriptionMaxLength);
    }
}
