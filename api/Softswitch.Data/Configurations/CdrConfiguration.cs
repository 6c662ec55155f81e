using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class CdrConfiguration : TenantEntityConfiguration<Cdr>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Cdr> builder)
    {
        builder.Property(c => c.CallId).HasMaxLength(Cdr.CallIdMaxLength).IsUnicode(false);
        builder.Property(c => c.AccountId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.MappingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.PhoneId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.RoutingGatewayId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(c => c.CallerReceived).HasMaxLength(Cdr.NumberMaxLength).IsOrdinalText();
        builder.Property(c => c.CalleeReceived).HasMaxLength(Cdr.NumberMaxLength).IsOrdinalText();
        builder.Property(c => c.CallerSent).HasMaxLength(Cdr.NumberMaxLength).IsOrdinalText();
        builder.Property(c => c.CalleeSent).HasMaxLength(Cdr.NumberMaxLength).IsOrdinalText();
        builder.Property(c => c.RefusalRule).HasMaxLength(Cdr.RuleMaxLength).IsUnicode(false);
        builder.Property(c => c.RedirectServer).HasMaxLength(Cdr.RedirectServerMaxLength).IsUnicode(false);
        builder.Property(c => c.RatePrefix).HasMaxLength(Rate.PrefixMaxLength).IsUnicode(false);
        builder.Property(c => c.CostPrefix).HasMaxLength(Rate.PrefixMaxLength).IsUnicode(false);
        builder.ComplexCollection(c => c.Attempts, attempt => attempt.ToJson());

        // Every list query is "this tenant, this period", optionally narrowed to one account.
        builder.HasIndex(c => new { c.TenantId, c.SetupAt });
        builder.HasIndex(c => new { c.TenantId, c.AccountId, c.SetupAt });

        // The rollup job reads each tenant's CDRs in the order they were stored (see CdrRollupWatermark).
        builder.HasIndex(c => new { c.TenantId, c.CreatedAt, c.Id });
    }
}
