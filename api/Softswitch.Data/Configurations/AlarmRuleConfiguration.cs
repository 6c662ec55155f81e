using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class AlarmRuleConfiguration : TenantEntityConfiguration<AlarmRule>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<AlarmRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(AlarmRule.NameMaxLength);
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.SecurityEventRule).HasMaxLength(IpBan.RuleMaxLength).IsUnicode(false);
        builder.Property(r => r.WorkCalendar).HasJsonConversion();

        // A rule scoped to an account or a gateway goes with it.
        ReferencesSameTenant<Account>(builder, nameof(AlarmRule.AccountId), required: false, DeleteBehavior.Cascade);
        ReferencesSameTenant<RoutingGateway>(builder, nameof(AlarmRule.RoutingGatewayId), required: false, DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TenantId, r.Name }).IsUnique();
    }
}
