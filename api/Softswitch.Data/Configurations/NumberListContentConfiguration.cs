using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>A list's numbers share its id and go with it: the foreign key (TenantId, Id) cascades from the list.</summary>
public sealed class NumberListContentConfiguration : TenantEntityConfiguration<NumberListContent>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<NumberListContent> builder)
    {
        builder.HasOne<NumberList>()
            .WithOne()
            .HasForeignKey<NumberListContent>(nameof(TenantEntity.TenantId), nameof(Entity.Id))
            .HasPrincipalKey<NumberList>(nameof(TenantEntity.TenantId), nameof(Entity.Id))
            .OnDelete(DeleteBehavior.Cascade);
    }
}
