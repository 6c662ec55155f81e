using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>A vendor trunk as a test wants it; null fields keep the API's defaults.</summary>
public sealed record VendorTrunk(int Port, string Transport = "udp", int Priority = 1)
{
    public int? NoAnswerTimeoutSeconds { get; init; }

    public int? MaxCallDurationSeconds { get; init; }

    public int? MaxConcurrentCalls { get; init; }

    public string RedirectPolicy { get; init; } = "return_upstream";

    public bool OptionsPing { get; init; }

    public int? OptionsPingSeconds { get; init; }
}

/// <summary>What a provisioned tenant holds: its customer, its trunk from 127.0.0.1, and its vendors in order.</summary>
public sealed record ProvisionedTenant(string CustomerAccountId, string MappingGatewayId, IReadOnlyList<string> RoutingGatewayIds);

/// <summary>Sets a tenant up for calls through the REST API, the way an operator would.</summary>
public static class SwitchProvisioning
{
    /// <summary>
    /// A customer whose calls come from 127.0.0.1 (the SIPp UAC), vendors on loopback ports (the SIPp UASes), and a
    /// default route trying them in the given order.
    /// </summary>
    public static async Task<ProvisionedTenant> TrunkToVendorsAsync(HttpClient tenant, IReadOnlyList<VendorTrunk> vendors, string? techPrefix = null)
    {
        var customer = await tenant.CreateAsync("/v1/accounts", new { name = "Customer", kind = "client", currency = "USD", credit_limit = 100m });
        var vendorAccount = await tenant.CreateAsync("/v1/accounts", new { name = "Vendor", kind = "vendor", currency = "USD" });
        var mapping = await tenant.CreateAsync("/v1/mapping-gateways", new
        {
            account_id = customer, name = "sipp-uac", source_addresses = new[] { "127.0.0.1/32" }, tech_prefix = techPrefix,
        });
        var gateways = new List<string>();
        for (var i = 0; i < vendors.Count; i++)
        {
            var vendor = vendors[i];
            gateways.Add(await tenant.CreateAsync("/v1/routing-gateways", new
            {
                account_id = vendorAccount,
                name = $"vendor-{i + 1}",
                host = "127.0.0.1",
                port = vendor.Port,
                transport = vendor.Transport,
                priority = vendor.Priority + i,
                no_answer_timeout_seconds = vendor.NoAnswerTimeoutSeconds,
                max_call_duration_seconds = vendor.MaxCallDurationSeconds,
                max_concurrent_calls = vendor.MaxConcurrentCalls,
                redirect_policy = vendor.RedirectPolicy,
                options_ping = vendor.OptionsPing,
                options_ping_seconds = vendor.OptionsPingSeconds,
            }));
        }

        await tenant.CreateAsync("/v1/routes", new { name = "Default", prefix = "", routing_gateway_ids = gateways });
        return new ProvisionedTenant(customer, mapping, gateways);
    }

    /// <summary>A phone of <paramref name="accountId"/> with a password; the tenant's SIP domain is its realm.</summary>
    public static Task<string> PhoneAsync(HttpClient tenant, string accountId, string username, string password) =>
        tenant.CreateAsync("/v1/phones", new { account_id = accountId, username, password });
}
