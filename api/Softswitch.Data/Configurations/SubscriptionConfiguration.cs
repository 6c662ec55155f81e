using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Softswitch.Domain;

namespace Softswitch.Data.Configurations;

/// <summary>A subscription holds its account and package: neither can be deleted while it exists.</summary>
public sealed class SubscriptionConfiguration : TenantEntityConfiguration<Subscription>
{
    protected override void ConfigureTenantEntity(EntityTypeBuilder<Subscription> builder)
    {
        ReferencesSameTenant<Account>(builder, nameof(Subscription.AccountId), required: true, DeleteBehavior.Restrict);
        ReferencesSameTenant<Package>(builder, nameof(Subscription.PackageId), required: true, DeleteBehavior.Restrict);

        // The renewal job's scan: active subscriptions due by now.
        builder.HasIndex(s => new { s.Status, s.PaidThrough });
    }
}
