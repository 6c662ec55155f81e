using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>
/// Walks every operation in the served OpenAPI document with tenant B's key (which also names tenant A in
/// Softswitch-Tenant, a header tenant keys must ignore) aimed at tenant A's resources. A new endpoint is covered
/// without anyone remembering; a path whose id cannot be mapped to one of A's resources fails the test.
/// </summary>
public sealed class CrossTenantWalkTests
{
    [Fact]
    public async Task Tenant_b_cannot_see_or_touch_tenant_a_through_any_operation()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, tenantA);
        await TenantFixtures.CreateOneOfEachAsync(app, tenantB);
        (await tenantA.Client.PutJsonAsync("/v1/refusal-policies/call-rate", new { mode = "monitor", status_code = 486 })).EnsureSuccessStatusCode();
        var before = await SnapshotAsync(tenantA.Client, a);

        using var intruder = app.ClientWithKey(tenantB.Key, actAsTenant: a.TenantId);
        using var platform = app.PlatformClient();
        var document = JsonNode.Parse(await platform.GetStringAsync("/swagger/v1/swagger.json"))!;
        var aIds = IdsOf(a);
        var walked = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method == "parameters")
                {
                    continue;
                }

                walked++;
                var target = Concrete(path, a) + RequiredQuery(operation!);
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target)
                {
                    Content = BodyFor(operation!),
                };
                using var response = await intruder.SendAsync(request, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var what = $"{method.ToUpperInvariant()} {target} answered {(int)response.StatusCode}: {body}";

                Assert.True((int)response.StatusCode < 500, what);
                // A 404 may echo the id B itself sent ("No CDR with id '…'"); that tells B nothing new.
                foreach (var id in aIds.Where(id => !target.Contains(id, StringComparison.Ordinal)))
                {
                    Assert.DoesNotContain(id, body, StringComparison.Ordinal);
                }

                if (path.StartsWith("/v1/refusal-policies", StringComparison.Ordinal))
                {
                    // Keyed by rule, not by id: B's key reaches B's own policies only (A's are in the snapshot compared below).
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.BadRequest, what);
                }
                else if (path.StartsWith("/v1/ip-bans", StringComparison.Ordinal) || path.StartsWith("/v1/scanner-destinations/", StringComparison.Ordinal))
                {
                    // Bans and the honeypot belong to no tenant: the platform's writes are refused to every tenant key, not hidden.
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, what);
                }
                else if (path.Contains('{', StringComparison.Ordinal))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, what);
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.True(walked >= 30, $"Only {walked} operations were walked; is the document complete?");
        Assert.Equal(before, await SnapshotAsync(tenantA.Client, a));
    }

    /// <summary>Fills each path id with tenant A's resource of the kind named by the segment before it.</summary>
    private static string Concrete(string path, TenantResources a)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            segments[i] = segments[i - 1] switch
            {
                "tenants" => a.TenantId,
                "api-keys" => a.ApiKeyId,
                "accounts" => a.ClientAccountId,
                "phones" => a.PhoneId,
                "mapping-gateways" => a.MappingGatewayId,
                "routing-gateways" => a.RoutingGatewayId,
                "routes" => a.RouteId,
                "rate-tables" => a.RateTableId,
                "rates" => a.RateId,
                "cdrs" => a.CdrId,
                "trusted-addresses" => a.TrustedAddressId,
                "fraud-rules" => a.FraudRuleId,
                "dynamic-blacklist" => a.DynamicBlacklistEntryId,
                "number-groups" => a.NumberGroupId,
                "number-lists" => a.NumberListId,
                "ip-bans" => "203.0.113.1",
                "scanner-destinations" => "0097259000000",
                "refusal-policies" => "call-rate",
                "ip-range-sets" => a.IpRangeSetId,
                "ranges" => a.IpRangeId,
                "geofences" => a.GeofenceId,
                "transactions" => a.LedgerEntryId,
                "reconciliations" => a.ReconciliationId,
                "packages" => a.PackageId,
                "subscriptions" => a.SubscriptionId,
                "webhook-endpoints" => a.WebhookEndpointId,
                "webhook-deliveries" => a.WebhookDeliveryId,
                "redirect-profiles" => a.RedirectProfileId,
                "alarm-rules" => a.AlarmRuleId,
                "alarms" => a.AlarmId,
                var other => throw new InvalidOperationException(
                    $"Path {path}: no tenant-A resource known for ids under '{other}'; add it to TenantFixtures and this map."),
            };
        }

        return string.Join('/', segments);
    }

    private static string RequiredQuery(JsonNode operation)
    {
        var required = operation["parameters"]?.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p!["name"]!.GetValue<string>() + "=" + (p["name"]!.GetValue<string>() == "number" ? "4420" : "1"))
            .ToList() ?? [];
        return required.Count == 0 ? "" : "?" + string.Join('&', required);
    }

    private static HttpContent? BodyFor(JsonNode operation)
    {
        var content = operation["requestBody"]?["content"]?.AsObject();
        if (content is null)
        {
            return null;
        }

        if (content.ContainsKey("application/octet-stream"))
        {
            var bytes = new ByteArrayContent([0]);
            bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return bytes;
        }

        return content.ContainsKey("text/csv")
            ? new StringContent("prefix,price_per_minute\n44,0.5\n", Encoding.UTF8, "text/csv")
            : new StringContent("{}", Encoding.UTF8, "application/json");
    }

    private static string[] IdsOf(TenantResources a) =>
    [
        a.TenantId, a.ClientAccountId, a.VendorAccountId, a.PhoneId, a.MappingGatewayId, a.RoutingGatewayId,
        a.RouteId, a.RateTableId, a.RateId, a.ApiKeyId, a.CdrId, a.TrustedAddressId, a.IpRangeSetId, a.IpRangeId, a.GeofenceId,
        a.FraudRuleId, a.DynamicBlacklistEntryId, a.NumberGroupId, a.NumberListId, a.LedgerEntryId, a.ReconciliationId, a.WebhookEndpointId,
        a.WebhookDeliveryId, a.PackageId, a.SubscriptionId, a.RedirectProfileId, a.AlarmRuleId, a.AlarmId,
    ];

    /// <summary>Tenant A's own view of every resource, versions included: any write by B would change it.</summary>
    private static async Task<string> SnapshotAsync(HttpClient client, TenantResources a)
    {
        var paths = new[]
        {
            $"/v1/tenants/{a.TenantId}", $"/v1/tenants/{a.TenantId}/api-keys", "/v1/accounts", "/v1/phones",
            "/v1/mapping-gateways", "/v1/routing-gateways", "/v1/routes", "/v1/rate-tables", "/v1/trusted-addresses", "/v1/refusal-policies",
            $"/v1/rate-tables/{a.RateTableId}/rates", "/v1/ip-range-sets", $"/v1/ip-range-sets/{a.IpRangeSetId}/ranges", "/v1/geofences",
            "/v1/fraud-rules", "/v1/dynamic-blacklist", "/v1/number-groups", "/v1/number-lists", "/v1/number-settings",
            $"/v1/number-lists/{a.NumberListId}/numbers", $"/v1/accounts/{a.ClientAccountId}/transactions", "/v1/reconciliations",
            "/v1/webhook-endpoints", "/v1/webhook-deliveries", "/v1/packages", $"/v1/accounts/{a.ClientAccountId}/subscriptions",
            "/v1/redirect-profiles",
            "/v1/alarm-rules", "/v1/alarms", "/v1/alarm-settings",
        };
        var text = new StringBuilder();
        foreach (var path in paths)
        {
            var body = await client.GetStringAsync(path);
            text.AppendLine(path).AppendLine(StripLastUsed(body));
        }

        return text.ToString();
    }

    /// <summary>Key listings carry last-used times that A's own snapshot reads refresh; they are not B's writes.</summary>
    private static string StripLastUsed(string body)
    {
        var node = JsonNode.Parse(body)!;
        if (node["data"] is JsonArray rows)
        {
            foreach (var row in rows)
            {
                row!.AsObject().Remove("last_used_at");
            }
        }

        return node.ToJsonString();
    }
}
