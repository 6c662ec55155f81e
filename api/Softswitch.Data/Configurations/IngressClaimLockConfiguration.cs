using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Softswitch.Data.Configurations;

/// <summary>One row, created by the migration, never by the application.</summary>
public sealed class IngressClaimLockConfiguration : IEntityTypeConfiguration<IngressClaimLock>
{
    public void Configure(EntityTypeBuilder<IngressClaimLock> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasData(new IngressClaimLock { Id = IngressClaimLock.TheRow });
    }
}
