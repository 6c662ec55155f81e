using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class AlarmSettingsConfiguration : TenantEntityConfiguration<AlarmSettings>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<AlarmSettings> builder)
    {
        builder.Property(s => s.SmtpHost).HasMaxLength(AlarmSettings.HostMaxLength).IsUnicode(false);
        builder.Property(s => s.UserName).HasMaxLength(AlarmSettings.UserNameMaxLength);
        builder.Property(s => s.Password).HasMaxLength(AlarmSettings.PasswordMaxLength);
        builder.Property(s => s.From).HasMaxLength(AlarmSettings.AddressMaxLength);
        builder.PrimitiveCollection(s => s.Recipients);

        // One row per tenant.
        builder.HasIndex(s => s.TenantId).IsUnique();
    }
}
