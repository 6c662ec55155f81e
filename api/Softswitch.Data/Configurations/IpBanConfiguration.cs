using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>Platform-wide: no tenant owns a ban.</summary>
public sealed class IpBanConfiguration : EntityConfiguration<IpBan>
{
    protected override void ConfigureEntity(EntityTypeBuilder<IpBan> builder)
    {
        builder.Property(b => b.Address).HasMaxLength(IpBan.AddressMaxLength).IsUnicode(false);
        builder.Property(b => b.Rule).HasMaxLength(IpBan.RuleMaxLength).IsUnicode(false);
        builder.Property(b => b.Evidence).HasMaxLength(IpBan.EvidenceMaxLength);

        // The list and the lift look bans up by address and expiry; the switch reads recent lifts.
        builder.HasIndex(b => new { b.Address, b.ExpiresAt });
        builder.HasIndex(b => b.ExpiresAt);
        builder.HasIndex(b => b.LiftedAt);
    }
}
