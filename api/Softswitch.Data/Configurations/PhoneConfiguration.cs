using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class PhoneConfiguration : TenantEntityConfiguration<Phone>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Phone> builder)
    {
        builder.Property(p => p.Username).HasMaxLength(Phone.UsernameMaxLength).IsOrdinalText();
        builder.Property(p => p.DisplayName).HasMaxLength(Phone.DisplayNameMaxLength);
        builder.Property(p => p.Ha1Md5).HasMaxLength(DigestHa1.Md5HexLength).IsUnicode(false);
        builder.Property(p => p.Ha1Sha256).HasMaxLength(DigestHa1.Sha256HexLength).IsUnicode(false);
        builder.Property(p => p.Number).HasMaxLength(Phone.NumberMaxLength).IsOrdinalText();

        // Phones stored before forking was configurable ring their contacts one after another, as they did.
        builder.Property(p => p.ForkMode).HasDefaultValue(ForkMode.Sequential);
        ReferencesSameTenant<Account>(builder, nameof(Phone.AccountId), required: true);
        ReferencesSameTenant<RoutingGateway>(builder, nameof(Phone.OfflineRedirectGatewayId), required: false);

        builder.HasIndex(p => new { p.TenantId, p.Username }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.AccountId });
        builder.HasIndex(p => new { p.TenantId, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.Status });
    }
}
