using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class FraudRuleConfiguration : TenantEntityConfiguration<FraudRule>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<FraudRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(FraudRule.NameMaxLength);
        builder.Property(r => r.Kind).HasMaxLength(24);
        builder.PrimitiveCollection(r => r.MappingGatewayIds).IsUnicode(false);
        builder.HasIndex(r => new { r.TenantId, r.Name }).IsUnique();
    }
}
