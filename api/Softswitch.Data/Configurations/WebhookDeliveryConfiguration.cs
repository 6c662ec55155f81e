using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Data.Conventions;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>
/// One row per (event, endpoint): the unique index is what keeps the switch's fast path and the retry job from
/// both creating a delivery. The endpoint reference is same-tenant; deleting the endpoint deletes its deliveries.
/// </summary>
public sealed class WebhookDeliveryConfiguration : TenantEntityConfiguration<WebhookDelivery>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<WebhookDelivery> builder)
    {
        ReferencesSameTenant<WebhookEndpoint>(builder, nameof(WebhookDelivery.EndpointId), required: true, DeleteBehavior.Cascade);
        builder.Property(e => e.EventId).HasMaxLength(IdGenerator.MaxLength).IsUnicode(false).IsOrdinalText();
        builder.Property(e => e.EventType).HasMaxLength(WebhookEvent.TypeMaxLength).IsUnicode(false);
        builder.Property(e => e.Error).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasIndex(e => new { e.TenantId, e.EventId, e.EndpointId }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
