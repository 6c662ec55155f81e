using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>The account id is a plain value, like a CDR's: the countries are learnt from CDRs, which outlive their account.</summary>
public sealed class AccountCountryConfiguration : TenantEntityConfiguration<AccountCountry>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<AccountCountry> builder)
    {
        builder.Property(c => c.AccountId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.Country).HasMaxLength(2).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.FirstCdrId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.HasIndex(c => new { c.TenantId, c.AccountId, c.Country }).IsUnique();
    }
}
