using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class MappingGatewayConfiguration : TenantEntityConfiguration<MappingGateway>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<MappingGateway> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(MappingGateway.NameMaxLength);
        builder.PrimitiveCollection(g => g.SourceAddresses).IsUnicode(false);
        builder.Property(g => g.TechPrefix).HasMaxLength(MappingGateway.TechPrefixMaxLength).IsUnicode(false).IsOrdinalText();
        builder.ComplexCollection(g => g.CallerRewriteRules, rule => rule.ToJson());
        builder.ComplexCollection(g => g.CalleeRewriteRules, rule => rule.ToJson());
        builder.Property(g => g.NumberScreening).HasJsonConversion();
        ReferencesSameTenant<Account>(builder, nameof(MappingGateway.AccountId), required: true);

        builder.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.AccountId });
        builder.HasIndex(g => new { g.TenantId, g.Status });
    }
}
