using System.Net;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>
/// The durable path of webhooks: outbox rows stored with the CDRs, fanned out and retried by the worker's job on the
/// schedule, with a WireMock CRM that fails, recovers, asks for time or says 410.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly string[] CallOrder = ["call.initiated", "call.ringing", "call.answered", "call.completed"];

    [Fact]
    public async Task Endpoint_down_for_three_rounds_then_every_event_arrives_in_recoverable_order()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver(503);
        await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url());
        var calls = Enumerable.Range(0, 3).Select(i => rig.AnsweredCall(tenant.Id, $"1555000{i}")).ToArray();
        await rig.StoreCallsAsync(calls);

        Assert.Equal(12, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(12, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(12, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(5)));
        crm.Answer(200);
        Assert.Equal(0, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(29)));
        Assert.Equal(12, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(36, crm.Requests.Count(r => r.ResponseMessage?.StatusCode is 503));
        var received = crm.Bodies();
        Assert.Equal(12, received.Count);
        foreach (var call in calls)
        {
            // Deliveries run in parallel, so arrival order is not the call's order; sequence_number restores it.
            var events = received.Where(b => b["data"]!["cdr_id"]!.GetValue<string>() == call.Id)
                .OrderBy(b => b["data"]!["sequence_number"]!.GetValue<long>()).ToList();
            Assert.Equal(CallOrder, events.Select(e => e["type"]!.GetValue<string>()));
            Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e["data"]!["sequence_number"]!.GetValue<long>()));
        }

        var completed = received.Single(b => b["type"]!.GetValue<string>() == "call.completed" && b["data"]!["cdr_id"]!.GetValue<string>() == calls[0].Id)["data"]!;
        Assert.Equal(200, completed["sip_response_code"]!.GetValue<int>());
        Assert.Equal(16, completed["q850_cause"]!.GetValue<int>());
        Assert.Equal(60, completed["duration_seconds"]!.GetValue<int>());
        Assert.Equal("completed", completed["call_status"]!.GetValue<string>());
        Assert.All(await rig.DeliveriesAsync(tenant.Id), d => Assert.Equal((WebhookDeliveryStatus.Succeeded, 4), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Gone_disables_the_endpoint_and_tells_the_tenant()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver(410);
        var (endpointId, _) = await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url(), "call.completed");
        await rig.StoreCallsAsync(rig.AnsweredCall(tenant.Id), rig.AnsweredCall(tenant.Id));

        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));
        await rig.StoreCallsAsync(rig.AnsweredCall(tenant.Id));
        Assert.Equal(0, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(2)));

        var endpoint = JsonNode.Parse(await tenant.Client.GetStringAsync($"/v1/webhook-endpoints/{endpointId}"))!;
        Assert.False(endpoint["enabled"]!.GetValue<bool>());
        Assert.Equal(WebhookDeliveryProgress.GoneReason, endpoint["disabled_reason"]!.GetValue<string>());
        var notices = JsonNode.Parse(await tenant.Client.GetStringAsync("/v1/security-events?rule=webhook-disabled"))!["data"]!.AsArray();
        Assert.Contains(endpointId, Assert.Single(notices)!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, crm.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_pushes_the_next_attempt_later()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver();
        crm.Answer(503, retryAfter: "7200");
        await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url(), "call.completed");
        await rig.StoreCallsAsync(rig.AnsweredCall(tenant.Id));

        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));

        var delivery = Assert.Single(await rig.DeliveriesAsync(tenant.Id));
        Assert.Equal(rig.Time.GetUtcNow().UtcDateTime.AddHours(2), delivery.NextAttemptAt);
        Assert.Equal(0, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(119)));
        Assert.Equal(1, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Failing_for_the_whole_schedule_disables_then_recover_since_sends_the_failures_again()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver(500);
        var (endpointId, _) = await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url(), "call.completed");
        var storedAt = rig.Time.GetUtcNow();
        await rig.StoreCallsAsync(rig.AnsweredCall(tenant.Id));

        var rounds = 0;
        for (var step = 0; step < 200 && (await rig.DeliveriesAsync(tenant.Id)) is var d && (d.Count == 0 || d[0].Status == WebhookDeliveryStatus.Pending); step++)
        {
            rounds += await rig.RunJobAfterAsync(TimeSpan.FromMinutes(30));
        }

        Assert.Equal(WebhookRetrySchedule.MaxRounds, rounds);
        Assert.True(rig.Time.GetUtcNow() - storedAt is var span && span > TimeSpan.FromHours(70) && span < TimeSpan.FromHours(76), $"gave up after {span}");
        var endpoint = JsonNode.Parse(await tenant.Client.GetStringAsync($"/v1/webhook-endpoints/{endpointId}"))!;
        Assert.Equal(WebhookDeliveryProgress.ExhaustedReason, endpoint["disabled_reason"]!.GetValue<string>());

        crm.Answer(200);
        (await tenant.Client.PutJsonAsync($"/v1/webhook-endpoints/{endpointId}", new { url = crm.Url(), event_types = new[] { "call.completed" } }))
            .EnsureSuccessStatusCode();
        using var recovered = await tenant.Client.PostJsonAsync($"/v1/webhook-endpoints/{endpointId}/recover", new { since = storedAt.UtcDateTime });
        Assert.Equal(1, (await recovered.ReadObjectAsync())["redelivering"]!.GetValue<int>());
        Assert.Equal(1, await rig.RunJobAfterAsync(TimeSpan.FromSeconds(1)));
        Assert.Single(crm.Bodies());
    }

    [Fact]
    public async Task Redeliver_sends_a_succeeded_delivery_again()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver();
        await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url(), "call.completed");
        await rig.StoreCallsAsync(rig.AnsweredCall(tenant.Id));
        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));
        var delivery = Assert.Single(await rig.DeliveriesAsync(tenant.Id));

        using var redelivered = await tenant.Client.PostAsync($"/v1/webhook-deliveries/{delivery.Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(1, await rig.RunJobAfterAsync(TimeSpan.FromSeconds(1)));

        var bodies = crm.Bodies();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0].ToJsonString(), bodies[1].ToJsonString());
        Assert.Equal(2, crm.Requests.Select(r => r.RequestMessage!.Headers!["webhook-id"].Single()).Where(id => id == delivery.EventId).Count());
    }

    [Fact]
    public async Task An_outbox_past_its_bound_drops_its_oldest_events_and_tells_the_tenant()
    {
        await using var rig = new WebhookRig(maxOutboxEventsPerTenant: 6);
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver(503);
        await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url());
        var first = rig.AnsweredCall(tenant.Id);
        await rig.StoreCallsAsync(first);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        await rig.StoreCallsAsync(rig.AnsweredCall(tenant.Id));

        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));
        crm.Answer(200);
        Assert.Equal(6, await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1)));

        var notice = JsonNode.Parse(await tenant.Client.GetStringAsync("/v1/security-events?rule=webhook-outbox-full"))!["data"]!.AsArray();
        Assert.Contains("oldest 2", Assert.Single(notice)!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        var lost = (await rig.DeliveriesAsync(tenant.Id)).Where(d => d.Status == WebhookDeliveryStatus.Failed).Select(d => d.EventId).Order();
        Assert.Equal([WebhookEventIds.ForCall(first.Id, 1), WebhookEventIds.ForCall(first.Id, 2)], lost);
    }

    [Fact]
    public async Task A_webhook_never_carries_another_tenants_call()
    {
        await using var rig = new WebhookRig();
        using var alpha = await rig.App.CreateTenantAsync("alpha");
        using var bravo = await rig.App.CreateTenantAsync("bravo");
        using var alphaCrm = new WebhookReceiver();
        using var bravoCrm = new WebhookReceiver();
        await WebhookApiTests.CreateEndpointAsync(alpha, alphaCrm.Url());
        await WebhookApiTests.CreateEndpointAsync(bravo, bravoCrm.Url());
        var alphaCalls = new[] { rig.AnsweredCall(alpha.Id), rig.AnsweredCall(alpha.Id) };
        var bravoCalls = new[] { rig.AnsweredCall(bravo.Id) };

        await rig.StoreCallsAsync([.. alphaCalls, .. bravoCalls]);
        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));

        AssertOnly(alphaCrm, alpha.Id, alphaCalls.Select(c => c.Id));
        AssertOnly(bravoCrm, bravo.Id, bravoCalls.Select(c => c.Id));
        Assert.DoesNotContain(
            JsonNode.Parse(await bravo.Client.GetStringAsync("/v1/webhook-deliveries"))!["data"]!.AsArray(),
            d => alphaCalls.Any(c => d!["event_id"]!.GetValue<string>().Contains(c.Id[4..], StringComparison.Ordinal)));
    }

    private static void AssertOnly(WebhookReceiver crm, string tenantId, IEnumerable<string> cdrIds)
    {
        var bodies = crm.Bodies();
        Assert.Equal(cdrIds.Count() * 4, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(tenantId, b["tenant_id"]!.GetValue<string>()));
        Assert.All(bodies, b => Assert.Contains(b["data"]!["cdr_id"]!.GetValue<string>(), cdrIds));
    }
}
