using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>
/// Platform-wide rows; <see cref="SecurityEvent.TenantId"/> is a plain column, not a reference, so deleting a tenant
/// leaves the history of what happened.
/// </summary>
public sealed class SecurityEventConfiguration : EntityConfiguration<SecurityEvent>
{
    protected override void ConfigureEntity(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.Property(e => e.Rule).HasMaxLength(IpBan.RuleMaxLength).IsUnicode(false);
        builder.Property(e => e.Address).HasMaxLength(IpBan.AddressMaxLength).IsUnicode(false);
        builder.Property(e => e.TenantId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.PhoneId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.Evidence).HasMaxLength(IpBan.EvidenceMaxLength);
        builder.Property(e => e.Caller).HasMaxLength(Cdr.NumberMaxLength).IsOrdinalText();
        builder.Property(e => e.Callee).HasMaxLength(Cdr.NumberMaxLength).IsOrdinalText();
        builder.Property(e => e.MappingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.CdrId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();

        builder.HasIndex(e => new { e.Address, e.OccurredAt });
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
