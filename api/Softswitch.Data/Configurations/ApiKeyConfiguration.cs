using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>API keys are looked up before any tenant is known, so they carry no tenant query filter.</summary>
public sealed class ApiKeyConfiguration : EntityConfiguration<ApiKey>
{
    // Flags are stored as text ("Read, Write, Admin" is 18 characters), so wider than other enums.
    private const int ScopesMaxLength = 32;

    protected override void ConfigureEntity(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.TenantId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixMaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(k => k.SecretHash).HasMaxLength(ApiKey.SecretHashLength).IsUnicode(false).IsOrdinalText();
        builder.Property(k => k.Scopes).HasMaxLength(ScopesMaxLength);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => k.SecretHash).IsUnique();
    }
}
