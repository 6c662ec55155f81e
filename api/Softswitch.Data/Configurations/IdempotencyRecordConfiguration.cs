using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>Scoped by <see cref="IdempotencyRecord.Scope"/> rather than by the tenant query filter.</summary>
public sealed class IdempotencyRecordConfiguration : EntityConfiguration<IdempotencyRecord>
{
    protected override void ConfigureEntity(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Scope).HasMaxLength(IdempotencyRecord.ScopeMaxLength).IsUnicode(false).IsOrdinalText();

        // Idempotency keys are opaque client strings: "abc" and "ABC" are different keys.
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength).IsOrdinalText();
        builder.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.RequestHashLength).IsUnicode(false);
        builder.Property(r => r.Method).HasMaxLength(IdempotencyRecord.MethodMaxLength).IsUnicode(false);
        builder.Property(r => r.Path).HasMaxLength(IdempotencyRecord.PathMaxLength);
        builder.Property(r => r.ResponseContentType).HasMaxLength(IdempotencyRecord.ContentTypeMaxLength);
        builder.Property(r => r.Location).HasMaxLength(IdempotencyRecord.LocationMaxLength);
        builder.Property(r => r.ETag).HasMaxLength(IdempotencyRecord.ETagMaxLength);

        builder.HasIndex(r => new { r.Scope, r.Key }).IsUnique();

        // The expiry sweep deletes by ExpiresAt.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
