using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Interop.Tests.Geofencing;

/// <summary>
/// Geofencing through a real switch on loopback, provisioned through the API, with SIPp peers: Forbidden and Allow on
/// the caller's signalling source, on the caller's offer and on the vendor's answer. Loopback addresses stand for
/// networks: callers send from 127.0.0.1 and 127.0.0.2, and SIPp's media socket (<c>-mi</c>) puts the address a test
/// chooses into <c>c=</c>.
/// </summary>
public sealed class GeofencingTests : SwitchCallTest
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Forbidden_and_allow_on_the_callers_signalling_source()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 2);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var trunkB = await Tenant.Client.CreateAsync("/v1/mapping-gateways", new
        {
            account_id = provisioned.CustomerAccountId, name = "second-site", source_addresses = new[] { "127.0.0.2/32" },
        });
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].MappingGateways.ContainsKey(trunkB), TimeSpan.FromSeconds(5));
        var secondSite = await SetAsync("second-site", "127.0.0.2/32");

        await Tenant.Client.CreateAsync("/v1/geofences", new { scope = "tenant", ip_range_set_id = secondSite, mode = "forbidden" });
        await InForceAsync(p => p.For(Tenant.Id)?.ForCaller(trunkB, null)?.Mode == GeofenceMode.Forbidden);
        var forbidden = await CallAsync(Caller(SippScenario.UacExpectFailure) with { LocalAddress = "127.0.0.2", ExpectedStatus = 403 });
        var elsewhere = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(forbidden.AllCallsSucceeded, forbidden.ToString());
        Assert.Contains("geofence-source: source address inside a forbidden", forbidden.Messages, StringComparison.Ordinal);
        Assert.True(elsewhere.AllCallsSucceeded, elsewhere.ToString());

        // The second site's own fence overrides the tenant's; the first site's Allow refuses its own address.
        await Tenant.Client.CreateAsync("/v1/geofences", new { scope = "mapping_gateway", target_id = trunkB, ip_range_set_id = secondSite, mode = "allow" });
        await Tenant.Client.CreateAsync("/v1/geofences", new { scope = "mapping_gateway", target_id = provisioned.MappingGatewayId, ip_range_set_id = secondSite, mode = "allow" });
        await InForceAsync(p => p.For(Tenant.Id)?.ForCaller(trunkB, null)?.Mode == GeofenceMode.Allow
            && p.For(Tenant.Id)?.ForCaller(provisioned.MappingGatewayId, null)?.Mode == GeofenceMode.Allow);
        var allowed = await CallAsync(Caller(SippScenario.UacCallBye) with { LocalAddress = "127.0.0.2" });
        var outside = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 403 });

        Assert.True(allowed.AllCallsSucceeded, allowed.ToString());
        Assert.True(outside.AllCallsSucceeded, outside.ToString());
        Assert.Contains("geofence-source: source address outside the allowed", outside.Messages, StringComparison.Ordinal);
        Assert.True((await vendor.WaitForExitAsync()).AllCallsSucceeded);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Forbidden_and_allow_on_the_offer_and_a_forbidden_answer_moves_the_call_to_the_next_vendor()
    {
        var abroad = await VendorAsync(SippScenario.UasAnswer, mediaAddress: "127.0.0.6");
        var home = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(abroad.SipPort), new VendorTrunk(home.SipPort));
        var media = await SetAsync("media-abroad", "127.0.0.5/32", "127.0.0.6/32");
        var fence = await Tenant.Client.CreateAsync("/v1/geofences", new { scope = "tenant", ip_range_set_id = media, mode = "forbidden" });
        await InForceAsync(p => p.For(Tenant.Id) is not null);

        var offer = await CallAsync(Caller(SippScenario.UacExpectFailure) with { MediaAddress = "127.0.0.5", ExpectedStatus = 403 });
        var answered = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(offer.AllCallsSucceeded, offer.ToString());
        Assert.Contains("geofence-sdp: media address inside a forbidden", offer.Messages, StringComparison.Ordinal);
        Assert.True(answered.AllCallsSucceeded, answered.ToString());
        Assert.Contains("c=IN IP4 127.0.0.1", answered.Messages, StringComparison.Ordinal);
        Assert.DoesNotContain("c=IN IP4 127.0.0.6", answered.Messages, StringComparison.Ordinal);
        // The refused offer has its own CDR, naming the rule; the answered call has the vendor attempts.
        var cdrs = await Host.WaitForCdrsAsync(Tenant.Client, 2);
        Assert.Equal(("geofence-sdp", 403), cdrs.Where(c => c["refusal_rule"] is not null).Select(c => (c["refusal_rule"]!.GetValue<string>(), c["final_code"]!.GetValue<int>())).Single());
        var cdr = cdrs.Single(c => c["refusal_rule"] is null);
        Assert.Equal([503, 200], AttemptCodes(cdr));
        Assert.True((await abroad.WaitForExitAsync()).AllCallsSucceeded);
        Assert.True((await home.WaitForExitAsync()).AllCallsSucceeded);

        var home2 = await SetAsync("media-home", "127.0.0.1/32");
        using var changed = await Tenant.Client.PutJsonAsync($"/v1/geofences/{fence}", new { scope = "tenant", ip_range_set_id = home2, mode = "allow" });
        changed.EnsureSuccessStatusCode();
        await InForceAsync(p => p.For(Tenant.Id)?.ForCaller(null, null)?.Mode == GeofenceMode.Allow);
        var outside = await CallAsync(Caller(SippScenario.UacExpectFailure) with { MediaAddress = "127.0.0.5", ExpectedStatus = 403 });

        Assert.True(outside.AllCallsSucceeded, outside.ToString());
        Assert.Contains("geofence-sdp: media address outside the allowed", outside.Messages, StringComparison.Ordinal);
        await AssertNothingLeftAsync();
    }

    private async Task<string> SetAsync(string name, params string[] cidrs)
    {
        var set = await Tenant.Client.CreateAsync("/v1/ip-range-sets", new { name });
        foreach (var cidr in cidrs)
        {
            await Tenant.Client.CreateAsync($"/v1/ip-range-sets/{set}/ranges", new { cidr });
        }

        return set;
    }

    /// <summary>Waits until the switch's geofence policy satisfies <paramref name="condition"/>, which must happen within the 2-second promise.</summary>
    private async Task InForceAsync(Func<GeofencePolicy, bool> condition)
    {
        var source = Host.Application.Services.GetRequiredService<GeofencePolicySource>();
        var elapsed = Stopwatch.StartNew();
        while (!condition(source.Current))
        {
            Assert.True(elapsed.Elapsed < Promise, $"The geofence change was not in force within {Promise.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
