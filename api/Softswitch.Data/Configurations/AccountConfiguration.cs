using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class AccountConfiguration : TenantEntityConfiguration<Account>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Account.NameMaxLength);
        builder.Property(a => a.Currency).HasMaxLength(3).IsUnicode(false);
        builder.Property(a => a.Notes).HasMaxLength(Account.NotesMaxLength);
        builder.PrimitiveCollection(a => a.AccessIps).IsUnicode(false);
        builder.Property(a => a.Destinations).HasJsonConversion();
        ReferencesSameTenant<RateTable>(builder, nameof(Account.RateTableId), required: false);

        builder.HasIndex(a => new { a.TenantId, a.Name });
        builder.HasIndex(a => new { a.TenantId, a.Kind, a.Status });
    }
}
