using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>
/// Mapping shared by every <see cref="TenantEntity"/>. The query filter is added by
/// <see cref="SoftswitchDbContext"/> because it reads the context's current tenant.
/// </summary>
public abstract class TenantEntityConfiguration<T> : EntityConfiguration<T>
    where T : TenantEntity
{
    protected sealed override void ConfigureEntity(EntityTypeBuilder<T> builder)
    {
        // Filled from the current tenant when the row is tracked as Added (see SoftswitchDbContext).
        builder.Property(e => e.TenantId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false);

        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);

        // (TenantId, Id) is what same-tenant foreign keys point at, and the index that keyset
        // paging within a tenant walks (WHERE TenantId = @t AND Id > @cursor ORDER BY Id).
        builder.HasAlternateKey(e => new { e.TenantId, e.Id });

        ConfigureTenantEntity(builder);
    }

    protected abstract void ConfigureTenantEntity(EntityTypeBuilder<T> builder);

    /// <summary>
    /// A reference to another row of the same tenant: the foreign key is (TenantId, <paramref name="foreignKey"/>),
    /// so the database itself refuses a reference across tenants.
    /// </summary>
    protected static void ReferencesSameTenant<TPrincipal>(
        EntityTypeBuilder<T> builder, string foreignKey, bool required, DeleteBehavior onDelete = DeleteBehavior.Restrict)
        where TPrincipal : TenantEntity
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasOne<TPrincipal>()
            .WithMany()
            .HasForeignKey(nameof(TenantEntity.TenantId), foreignKey)
            .HasPrincipalKey(nameof(TenantEntity.TenantId), nameof(Entity.Id))
            .IsRequired(required)
            .OnDelete(onDelete);
        builder.Property<string?>(foreignKey).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false);
    }
}
