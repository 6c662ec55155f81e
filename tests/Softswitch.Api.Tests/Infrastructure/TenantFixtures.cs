using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Tests.Infrastructure;

/// <summary>
/// One resource of every kind in a tenant, created through the API; the ids tests aim at. CDRs are written by the
/// switch, not the API, so the one CDR goes straight into the database.
/// </summary>
public sealed record TenantResources(
    string TenantId, string ClientAccountId, string VendorAccountId, string PhoneId, string MappingGatewayId,
    string RoutingGatewayId, string RouteId, string RateTableId, string RateId, string ApiKeyId, string CdrId, string TrustedAddressId,
    string IpRangeSetId, string IpRangeId, string GeofenceId, string FraudRuleId, string DynamicBlacklistEntryId, string NumberGroupId,
    string NumberListId, string LedgerEntryId, string ReconciliationId, string WebhookEndpointId, string WebhookDeliveryId,
    string PackageId, string SubscriptionId, string RedirectProfileId, string AlarmRuleId, string AlarmId);

public static class TenantFixtures
{
    // A source range belongs to one tenant only, so each fixture's trunk gets an address of its own.
    private static int trunks;

    public static async Task<TenantResources> CreateOneOfEachAsync(TestApplication app, TestTenant tenant)
    {
        var client = tenant.Client;
        var rateTable = await client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var rate = await client.CreateAsync($"/v1/rate-tables/{rateTable}/rates", new
        {
            prefix = "44", price_per_minute = 0.0123m, first_increment_seconds = 60, next_increment_seconds = 60,
            connect_fee = 0m, effective_from = "2026-01-01T00:00:00Z",
        });
        var customer = await client.CreateAsync("/v1/accounts", new
        {
            name = "Customer", kind = "client", currency = "USD", credit_limit = 10m, access_ips = new[] { "198.51.100.0/24" },
            rate_table_id = rateTable,
        });
        var vendor = await client.CreateAsync("/v1/accounts", new { name = "Vendor", kind = "vendor", currency = "USD" });
        var phone = await client.CreateAsync("/v1/phones", new { account_id = customer, username = "1001", password = "s3cret-pass" });
        var mapping = await client.CreateAsync("/v1/mapping-gateways", new
        {
            account_id = customer, name = "ingress", source_addresses = new[] { NextTrunkAddress() }, tech_prefix = "77",
        });
        var routing = await client.CreateAsync("/v1/routing-gateways", new
        {
            account_id = vendor, name = "egress", host = "192.0.2.10", port = 5060,
        });
        var route = await client.CreateAsync("/v1/routes", new { name = "UK", prefix = "44", routing_gateway_ids = new[] { routing } });
        var key = await client.CreateAsync($"/v1/tenants/{tenant.Id}/api-keys", new { name = "second", scopes = new[] { "read" } });
        var cdr = await InsertCdrAsync(app, tenant.Id, new Cdr
        {
            CallId = $"fixture-{Guid.NewGuid():n}", AccountId = customer, MappingGatewayId = mapping, RoutingGatewayId = routing,
            CallerReceived = "15550001", CalleeReceived = "7744201234", CallerSent = "15550001", CalleeSent = "44201234",
            SetupAt = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), EndAt = new DateTime(2026, 3, 1, 12, 1, 0, DateTimeKind.Utc),
            FinalCode = 200, Q850Cause = 16, HangupSide = HangupSide.Caller,
            Attempts = [new CdrAttempt { RoutingGatewayId = routing, CalleeSent = "44201234", StartedAt = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), ResponseCode = 200 }],
        });
        var trusted = await client.CreateAsync("/v1/trusted-addresses", new { block = NextTrunkAddress(), description = "PBX" });
        var rangeSet = await client.CreateAsync("/v1/ip-range-sets", new { name = "Partners" });
        var range = await client.CreateAsync($"/v1/ip-range-sets/{rangeSet}/ranges", new { cidr = "203.0.113.0/24" });
        var geofence = await client.CreateAsync("/v1/geofences", new
        {
            scope = "mapping_gateway", target_id = mapping, ip_range_set_id = rangeSet, mode = "allow",
        });
        var fraudRule = await client.CreateAsync("/v1/fraud-rules", new
        {
            name = "callers", kind = "caller_frequency", blocking_level = 10, window_seconds = 60, expire_seconds = 600,
        });
        var blacklisted = await client.CreateAsync("/v1/dynamic-blacklist", new { subject = "caller", value = "15550009", expire_seconds = 3600 });
        var group = await client.CreateAsync("/v1/number-groups", new { name = "Premium UK", prefixes = new[] { "44909" } });
        var list = await client.CreateAsync("/v1/number-lists", new { name = "Blocked callers", kind = "black", match = "caller", number_group_ids = new[] { group } });
        using var listed = await client.PostJsonAsync($"/v1/number-lists/{list}/numbers", new { numbers = new[] { "15550009999" } });
        listed.EnsureSuccessStatusCode();
        var topUp = await client.CreateAsync($"/v1/accounts/{customer}/transactions", new { kind = "top_up", amount = 25m, reference = "pay-1" });
        using var vendorFile = new StringContent("callee,start,duration,charge\r\n44201234,2026-03-01T12:00:00Z,60,0\r\n", System.Text.Encoding.UTF8, "text/csv");
        using var reconciled = await client.PostAsync($"/v1/reconciliations?routing_gateway_id={routing}&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z", vendorFile);
        reconciled.EnsureSuccessStatusCode();
        var reconciliation = (await reconciled.ReadObjectAsync())["id"]!.GetValue<string>();
        var webhook = await client.CreateAsync("/v1/webhook-endpoints", new { url = "https://203.0.113.50/hooks", event_types = new[] { "call.completed" } });
        var delivery = await InsertWebhookDeliveryAsync(app, tenant.Id, webhook);
        var package = await client.CreateAsync("/v1/packages", new { name = "UK bundle", currency = "USD", monthly_rent = 1m, free_seconds = 3600 });
        var subscription = await client.CreateAsync($"/v1/accounts/{customer}/subscriptions", new { package_id = package });
        var redirect = await client.CreateAsync("/v1/redirect-profiles", new
        {
            mapping_gateway_id = mapping, servers = new[] { new { uri = "sip:203.0.113.60:5070" } }, carry_headers = new[] { "X-Route" },
        });
        var alarmRule = await client.CreateAsync("/v1/alarm-rules", new { name = "Long calls", kind = "long_call", threshold = 3600, account_id = customer });
        using var alarmSettings = await client.PutJsonAsync("/v1/alarm-settings", new
        {
            email_enabled = true, smtp_host = "smtp.example.com", user_name = "alarms", password = "smtp-secret", from = "alarms@example.com",
            recipients = new[] { "noc@example.com" },
        });
        alarmSettings.EnsureSuccessStatusCode();
        var alarm = await InsertAlarmAsync(app, tenant.Id, alarmRule, customer, cdr);
        return new TenantResources(
            tenant.Id, customer, vendor, phone, mapping, routing, route, rateTable, rate, key, cdr, trusted, rangeSet, range, geofence, fraudRule, blacklisted,
            group, list, topUp, reconciliation, webhook, delivery, package, subscription, redirect, alarmRule, alarm);
    }

    private static string NextTrunkAddress()
    {
        var n = Interlocked.Increment(ref trunks);
        return $"198.51.{100 + (n / 250 % 100)}.{1 + (n % 250)}";
    }

    /// <summary>A failed delivery of a call.completed event, as the retry job leaves one (deliveries are the switch's and the job's to write).</summary>
    public static async Task<string> InsertWebhookDeliveryAsync(TestApplication app, string tenantId, string endpointId)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), TimeProvider.System);
        var eventId = WebhookEventIds.New(DateTimeOffset.UtcNow);
        db.WebhookEvents.Add(new WebhookEvent { Id = eventId, Type = WebhookEventTypes.CallCompleted, OccurredAt = DateTime.UtcNow, Payload = "{}" });
        var delivery = new WebhookDelivery
        {
            EndpointId = endpointId, EventId = eventId, EventType = WebhookEventTypes.CallCompleted, Status = WebhookDeliveryStatus.Failed, Attempts = 1,
            ResponseCode = 500,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    /// <summary>An open long-call alarm about the fixture's CDR, as the alarm-evaluation job stores one.</summary>
    public static async Task<string> InsertAlarmAsync(TestApplication app, string tenantId, string ruleId, string accountId, string cdrId)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), TimeProvider.System);
        var alarm = new Alarm
        {
            RuleId = ruleId, Kind = AlarmKind.LongCall, SubjectType = "account", SubjectId = accountId, WindowKey = cdrId, Observed = 7200m,
            Threshold = 3600m, Evidence = "fixture", CdrIds = [cdrId], FiredAt = DateTime.UtcNow, State = AlarmState.Open, EmailStatus = AlarmEmailStatus.Sent,
        };
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        return alarm.Id;
    }

    /// <summary>Stores a CDR for the tenant the way the switch's CDR store does: a context fixed to that tenant.</summary>
    public static async Task<string> InsertCdrAsync(TestApplication app, string tenantId, Cdr cdr)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), TimeProvider.System);
        db.Cdrs.Add(cdr);
        await db.SaveChangesAsync();
        return cdr.Id;
    }
}
