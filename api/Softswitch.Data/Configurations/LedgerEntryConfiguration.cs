using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>The account id is a plain column, as on a CDR: the ledger is history and outlives the account.</summary>
public sealed class LedgerEntryConfiguration : TenantEntityConfiguration<LedgerEntry>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.Property(e => e.AccountId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength);
        builder.Property(e => e.Description).HasMaxLength(LedgerEntry.DescriptionMaxLength);
        builder.Property(e => e.Actor).HasMaxLength(LedgerEntry.ActorMaxLength).IsUnicode(false);

        // One row per account and sequence: two writers that raced past the balance update could not both commit.
        builder.HasIndex(e => new { e.TenantId, e.AccountId, e.Sequence }).IsUnique();

        // The balance history's seek: an account's last entry posted before an instant.
        builder.HasIndex(e => new { e.TenantId, e.AccountId, e.CreatedAt });
    }
}
