using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// Base of the SIPp-through-the-switch tests: one switch per test, a tenant provisioned through the API, SIPp
/// vendors (UAS) listening before the route is created, and a SIPp customer (UAC) calling the switch.
/// </summary>
public abstract class SwitchCallTest : IAsyncLifetime
{
    protected static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(15);
    private readonly List<SippProcess> _sipps = [];

    protected SwitchHost Host { get; private set; } = null!;

    protected TestTenant Tenant { get; private set; } = null!;

    /// <summary>Settings this test class starts the switch with, over <see cref="SwitchHost"/>'s.</summary>
    protected virtual IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Host = SwitchHost.Start(HostSettings);
        Tenant = await Host.Application.CreateTenantAsync("Carrier");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sipp in _sipps)
        {
            await sipp.DisposeAsync();
        }

        Tenant.Dispose();
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Starts a SIPp UAS. SIPp's <c>-timeout</c> is global: the UAS quits <paramref name="lifetime"/> (default
    /// <see cref="SippTimeout"/>) after it starts, however busy, so a UAS serving several runs or a long one needs a
    /// lifetime covering them all.
    /// </summary>
    protected async Task<SippProcess> VendorAsync(
        string scenario, SippTransport transport = SippTransport.Udp, TimeSpan? pause = null, int calls = 1,
        IReadOnlyDictionary<string, string>? keywords = null, string? mediaAddress = null, TimeSpan? lifetime = null)
    {
        var sipp = await SippProcess.StartAsync(new SippOptions
        {
            Scenario = scenario, Transport = transport, Calls = calls, Pause = pause ?? TimeSpan.Zero, Timeout = lifetime ?? SippTimeout,
            Keywords = keywords ?? new Dictionary<string, string>(), MediaAddress = mediaAddress,
        });
        _sipps.Add(sipp);
        return sipp;
    }

    /// <summary>Provisions the tenant's trunk and route to <paramref name="vendors"/> and waits until the switch has it.</summary>
    protected async Task<ProvisionedTenant> ProvisionAsync(params VendorTrunk[] vendors)
    {
        var provisioned = await SwitchProvisioning.TrunkToVendorsAsync(Tenant.Client, vendors);
        await Host.WaitForAsync(
            snapshot => snapshot.Tenants.TryGetValue(Tenant.Id, out var tenant)
                && tenant.MappingGateways.ContainsKey(provisioned.MappingGatewayId)
                && tenant.RouteCount > 0
                && provisioned.RoutingGatewayIds.All(tenant.RoutingGateways.ContainsKey),
            TimeSpan.FromSeconds(5));
        return provisioned;
    }

    protected async Task<SippResult> CallAsync(SippOptions caller)
    {
        await using var sipp = await SippProcess.StartAsync(caller with { Remote = Host.SipEndPoint, Timeout = caller.Timeout > SippTimeout ? caller.Timeout : SippTimeout });
        return await sipp.WaitForExitAsync();
    }

    protected static SippOptions Caller(string scenario, SippTransport transport = SippTransport.Udp) =>
        new() { Scenario = scenario, Transport = transport, Callee = "4420123456", Caller = "15550001111" };

    protected async Task<JsonObject> SingleCdrAsync()
    {
        var cdrs = await Host.WaitForCdrsAsync(Tenant.Client, 1);
        return Assert.Single(cdrs);
    }

    /// <summary>Once every call is over, the switch holds no dialog, call or call slot (no leaks).</summary>
    protected async Task AssertNothingLeftAsync()
    {
        var b2bua = Host.Switch.B2bua;
        for (var i = 0; i < 50 && (b2bua.DialogCount > 0 || b2bua.Counters.ActiveCalls > 0); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, b2bua.DialogCount);
        Assert.Equal(0, b2bua.Counters.ActiveCalls);
    }

    protected static int[] AttemptCodes(JsonObject cdr) =>
        cdr["attempts"]!.AsArray().Select(a => a!["response_code"]!.GetValue<int>()).ToArray();

    protected async Task<string> TenantDomainAsync()
    {
        using var platform = Host.Application.PlatformClient();
        using var response = await platform.GetAsync($"/v1/tenants/{Tenant.Id}");
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["sip_domain"]!.GetValue<string>();
    }
}
