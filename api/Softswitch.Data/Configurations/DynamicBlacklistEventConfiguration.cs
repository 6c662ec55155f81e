using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class DynamicBlacklistEventConfiguration : TenantEntityConfiguration<DynamicBlacklistEvent>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<DynamicBlacklistEvent> builder)
    {
        builder.Property(e => e.Value).HasMaxLength(DynamicBlacklistEntry.ValueMaxLength).IsOrdinalText();
        builder.Property(e => e.MappingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.RuleId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.EntryId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.PrimitiveCollection(e => e.EvidenceCallIds).IsUnicode(false);

        builder.HasIndex(e => new { e.TenantId, e.OccurredAt });
        builder.HasIndex(e => new { e.Kind, e.OccurredAt });
    }
}
