using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>The CDR and ledger ids are plain columns: a correction is history, as the CDR itself is.</summary>
public sealed class CdrCorrectionConfiguration : TenantEntityConfiguration<CdrCorrection>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<CdrCorrection> builder)
    {
        builder.Property(e => e.CdrId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.LedgerEntryId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.Reason).HasMaxLength(CdrCorrection.ReasonMaxLength);
        builder.Property(e => e.Actor).HasMaxLength(LedgerEntry.ActorMaxLength).IsUnicode(false);
        builder.HasIndex(e => new { e.TenantId, e.CdrId });
    }
}
