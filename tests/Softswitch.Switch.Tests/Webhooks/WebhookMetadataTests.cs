using System.Text.Json.Nodes;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Events;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Webhooks;

/// <summary>The customer's metadata headers: chosen per endpoint, captured per tenant, carried in every call event.</summary>
public sealed class WebhookMetadataTests
{
    [Fact]
    public void A_tenant_captures_the_headers_any_of_its_endpoints_chose_and_no_other_tenants()
    {
        var table = new WebhookEndpointTable();
        var crm = WebhookFastPathTests.Endpoint("whe_a", "ten_a", WebhookEventTypes.CallCompleted);
        crm.MetadataHeaders = ["X-Crm-Id"];
        var billing = WebhookFastPathTests.Endpoint("whe_b", "ten_a", WebhookEventTypes.CallCompleted);
        billing.MetadataHeaders = ["x-crm-id", "X-Cost-Centre"];
        var other = WebhookFastPathTests.Endpoint("whe_c", "ten_b", WebhookEventTypes.CallCompleted);
        other.MetadataHeaders = ["X-Secret-Of-B"];

        table.Replace([crm, billing, other, WebhookFastPathTests.Endpoint("whe_d", "ten_c", WebhookEventTypes.CallCompleted)]);

        Assert.Equal(["X-Crm-Id", "X-Cost-Centre"], table.For("ten_a"));
        Assert.Equal(["X-Secret-Of-B"], table.For("ten_b"));
        Assert.Empty(table.For("ten_c"));
        Assert.Empty(table.For("ten_unknown"));
    }

    [Fact]
    public void Every_call_event_carries_the_captured_metadata_and_a_call_without_any_carries_none()
    {
        var call = Final(1, "ten_a") with { Metadata = new Dictionary<string, string> { ["X-Crm-Id"] = "4711" } };

        foreach (var kind in new[] { CallEventKind.Created, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended })
        {
            var data = JsonNode.Parse(CallEventPayload.From(kind, 1, call).Body)!["data"]!;
            Assert.Equal("4711", data["metadata"]!["X-Crm-Id"]!.GetValue<string>());
        }

        Assert.Null(JsonNode.Parse(CallEventPayload.From(CallEventKind.Ended, 4, Final(2, "ten_a")).Body)!["data"]!["metadata"]);
    }
}
