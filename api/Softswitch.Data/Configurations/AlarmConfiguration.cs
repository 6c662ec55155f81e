using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class AlarmConfiguration : TenantEntityConfiguration<Alarm>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Alarm> builder)
    {
        builder.Property(a => a.RuleId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.SubjectType).HasMaxLength(16).IsUnicode(false);
        builder.Property(a => a.SubjectId).HasMaxLength(Alarm.SubjectMaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(a => a.WindowKey).HasMaxLength(Alarm.WindowKeyMaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(a => a.Evidence).HasMaxLength(Alarm.EvidenceMaxLength);
        builder.PrimitiveCollection(a => a.CdrIds).IsUnicode(false);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(Alarm.ActorMaxLength);
        builder.Property(a => a.ResolvedBy).HasMaxLength(Alarm.ActorMaxLength);
        builder.Property(a => a.EmailError).HasMaxLength(Alarm.EmailErrorMaxLength);

        // One firing per rule, subject and window: a second evaluation of the same window finds it and fires nothing.
        builder.HasIndex(a => new { a.TenantId, a.RuleId, a.SubjectId, a.WindowKey }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.FiredAt });
        builder.HasIndex(a => new { a.EmailStatus, a.EmailNextAttemptAt });
    }
}
