using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

public sealed class WebhookEndpointConfiguration : TenantEntityConfiguration<WebhookEndpoint>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.PrimitiveCollection(e => e.EventTypes).IsUnicode(false);
        builder.PrimitiveCollection(e => e.MetadataHeaders).IsUnicode(false);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        builder.Property(e => e.Secret).HasMaxLength(WebhookEndpoint.SecretMaxLength).IsUnicode(false);
        builder.Property(e => e.PreviousSecret).HasMaxLength(WebhookEndpoint.SecretMaxLength).IsUnicode(false);
        builder.Property(e => e.DisabledReason).HasMaxLength(WebhookEndpoint.DisabledReasonMaxLength);
    }
}
