using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>The rule id is a plain value: a cursor left by a deleted rule is removed by the evaluation job.</summary>
public sealed class AlarmCursorConfiguration : TenantEntityConfiguration<AlarmCursor>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<AlarmCursor> builder)
    {
        builder.Property(c => c.RuleId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.ThroughId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.HasIndex(c => new { c.TenantId, c.RuleId }).IsUnique();
    }
}
