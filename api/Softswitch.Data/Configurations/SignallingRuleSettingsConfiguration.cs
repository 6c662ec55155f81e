using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>Platform-wide: one row at most, no tenant.</summary>
public sealed class SignallingRuleSettingsConfiguration : EntityConfiguration<SignallingRuleSettings>
{
    protected override void ConfigureEntity(EntityTypeBuilder<SignallingRuleSettings> builder)
    {
        builder.PrimitiveCollection(s => s.ScannerPatterns);
        builder.PrimitiveCollection(s => s.TrustedAddresses).IsUnicode(false);
        builder.PrimitiveCollection(s => s.MonitorRules).IsUnicode(false);
    }
}
