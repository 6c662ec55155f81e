using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>Rule and gateway ids are plain values: an entry is evidence and outlives (never blocks deleting) what it names.</summary>
public sealed class DynamicBlacklistEntryConfiguration : TenantEntityConfiguration<DynamicBlacklistEntry>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<DynamicBlacklistEntry> builder)
    {
        builder.Property(e => e.Value).HasMaxLength(DynamicBlacklistEntry.ValueMaxLength).IsOrdinalText();
        builder.Property(e => e.MappingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.RuleId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.RuleKind).HasMaxLength(24);
        builder.Property(e => e.Note).HasMaxLength(DynamicBlacklistEntry.NoteMaxLength);
        builder.PrimitiveCollection(e => e.EvidenceCallIds).IsUnicode(false);

        builder.HasIndex(e => new { e.TenantId, e.Value });
        builder.HasIndex(e => e.UpdatedAt);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
