using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>WebhookEndpoints</c> and <c>WebhookDeliveries</c> through the SDK (signatures are <see cref="WebhookTests"/>).</summary>
public sealed class WebhookServiceTests
{
    // Nothing listens on the discard port: a send there fails at once, and the delivery stays due for a retry.
    private const string Receiver = "http://127.0.0.1:9/hooks";

    private static readonly Dictionary<string, string?> LoopbackAllowed = new() { ["Softswitch:Webhooks:AllowPrivateTargets"] = "true" };

    [Fact]
    public async Task An_endpoint_is_created_with_its_secret_read_listed_replaced_rotated_and_deleted()
    {
        await using var app = new SdkTestApplication(LoopbackAllowed);
        var (_, key) = await app.CreateTenantAsync("Endpoints");
        using var client = app.Sdk(key);

        var created = await client.WebhookEndpoints.CreateAsync(new WebhookEndpointOptions
        {
            Url = Receiver, EventTypes = ["call.completed", "call.refused"], Description = "CRM", MetadataHeaders = ["X-Crm-Id"],
        });
        var read = await client.WebhookEndpoints.GetAsync(created.Id);
        var listed = await client.WebhookEndpoints.ListAutoPagingAsync().ToListAsync();
        var replaced = await client.WebhookEndpoints.UpdateAsync(created.Id, new WebhookEndpointOptions { Url = Receiver, EventTypes = ["call.initiated"], Enabled = false });
        var rotated = await client.WebhookEndpoints.RotateSecretAsync(created.Id);
        await client.WebhookEndpoints.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.WebhookEndpoints.GetAsync(created.Id));

        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(["call.completed", "call.refused"], read.EventTypes);
        Assert.Equal(["X-Crm-Id"], read.MetadataHeaders);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Equal(["call.initiated"], replaced.EventTypes);
        Assert.False(replaced.Enabled);
        Assert.StartsWith("whsec_", rotated.Secret, StringComparison.Ordinal);
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.NotNull(rotated.PreviousSecretExpiresAt);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_test_send_is_listed_by_its_filters_redelivered_and_failed_deliveries_are_recovered()
    {
        await using var app = new SdkTestApplication(LoopbackAllowed);
        var (tenantId, key) = await app.CreateTenantAsync("Deliveries");
        using var client = app.Sdk(key);
        var endpoint = await client.WebhookEndpoints.CreateAsync(new WebhookEndpointOptions { Url = Receiver, EventTypes = ["call.completed"] });
        var failed = await SwitchRecords.InsertFailedDeliveryAsync(app, tenantId, endpoint.Id);

        var test = await client.WebhookEndpoints.TestAsync(endpoint.Id);
        var byEvent = await client.WebhookDeliveries.ListAsync(new WebhookDeliveryListOptions
        {
            EndpointId = endpoint.Id, EventId = test.EventId, EventType = "webhook.test", Status = WebhookDeliveryStatus.Pending,
        });
        var failedOnes = await client.WebhookDeliveries.ListAutoPagingAsync(new WebhookDeliveryListOptions { Status = WebhookDeliveryStatus.Failed }).ToListAsync();
        var recovered = await client.WebhookEndpoints.RecoverAsync(endpoint.Id, new WebhookRecoverOptions { Since = DateTimeOffset.UtcNow.AddHours(-1) });
        var redelivered = await client.WebhookDeliveries.RedeliverAsync(test.Id);
        var stillFailed = await client.WebhookDeliveries.ListAsync(new WebhookDeliveryListOptions { Status = WebhookDeliveryStatus.Failed });

        Assert.Equal((WebhookDeliveryStatus.Pending, 1, (int?)null), (test.Status, test.Attempts, test.ResponseCode));
        Assert.NotNull(test.Error);
        Assert.Equal(test.Id, Assert.Single(byEvent.Data).Id);
        Assert.Equal(failed, Assert.Single(failedOnes).Id);
        Assert.Equal(1, recovered.Redelivering);
        Assert.Equal((test.Id, WebhookDeliveryStatus.Pending), (redelivered.Id, redelivered.Status));
        Assert.Empty(stillFailed.Data);
    }
}
