using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>The webhook outbox. The fan-out job walks unfanned events in id order; retention deletes by time.</summary>
public sealed class WebhookEventConfiguration : TenantEntityConfiguration<WebhookEvent>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.Property(e => e.Type).HasMaxLength(WebhookEvent.TypeMaxLength).IsUnicode(false);
        builder.Property(e => e.CdrId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.Payload).IsRequired();
        builder.HasIndex(e => new { e.FannedOutAt, e.Id });
        builder.HasIndex(e => e.OccurredAt);
    }
}
