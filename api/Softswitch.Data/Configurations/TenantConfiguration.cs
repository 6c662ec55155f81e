using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class TenantConfiguration : EntityConfiguration<Tenant>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Tenant> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength);
        builder.Property(t => t.SipDomain).HasMaxLength(Tenant.SipDomainMaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(t => t.DefaultCurrency).HasMaxLength(3).IsUnicode(false);
        builder.ComplexCollection(t => t.RefusalPolicies, policy => policy.ToJson());
        builder.HasIndex(t => t.SipDomain).IsUnique();
        builder.HasIndex(t => t.Status);
    }
}
