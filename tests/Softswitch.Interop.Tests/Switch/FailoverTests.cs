using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>Routing across vendors: failover codes, stop codes, no-answer timeout, the caller's final code, duration cap.</summary>
public sealed class FailoverTests : SwitchCallTest
{
    [Fact]
    public async Task First_vendor_answers_503_and_the_second_answers()
    {
        var first = await VendorAsync(SippScenario.UasFail503);
        var second = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(first.SipPort), new VendorTrunk(second.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await first.WaitForExitAsync()).AllCallsSucceeded);
        Assert.True((await second.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal([503, 200], AttemptCodes(cdr));
        Assert.Equal(provisioned.RoutingGatewayIds[1], cdr["routing_gateway_id"]!.GetValue<string>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Every_vendor_fails_with_503_and_the_caller_gets_500_with_a_reason()
    {
        var first = await VendorAsync(SippScenario.UasFail503);
        var second = await VendorAsync(SippScenario.UasFail503);
        await ProvisionAsync(new VendorTrunk(first.SipPort), new VendorTrunk(second.SipPort));

        // RFC 3261 §16.7 step 6: a vendor's 503 becomes 500, so the caller does not back off from the whole switch.
        var caller = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 500 });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Contains("Reason: Q.850;cause=41", caller.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        Assert.Equal([503, 503], AttemptCodes(cdr));
        Assert.Equal(500, cdr["final_code"]!.GetValue<int>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_busy_vendor_stops_routing_and_the_caller_gets_486()
    {
        var busy = await VendorAsync(SippScenario.UasFail486);
        var never = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(busy.SipPort), new VendorTrunk(never.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 486 });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal([486], AttemptCodes(cdr));
        Assert.Equal(0, (await never.StopAsync()).Calls.Created);
    }

    [Fact]
    public async Task Deleting_the_route_through_the_api_governs_new_calls_within_2_seconds()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using var routes = await Tenant.Client.GetAsync("/v1/routes");
        var routeId = (await routes.ReadObjectAsync())["data"]![0]!["id"]!.GetValue<string>();

        using (var deleted = await Tenant.Client.DeleteAsync($"/v1/routes/{routeId}"))
        {
            Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
        }

        var changed = System.Diagnostics.Stopwatch.StartNew();
        await Host.WaitForAsync(snapshot => snapshot.Tenants[Tenant.Id].RouteCount == 0, TimeSpan.FromSeconds(2));
        var caller = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 404 });

        Assert.True(caller.AllCallsSucceeded, $"after {changed.ElapsedMilliseconds} ms: {caller}");
        Assert.Equal(0, (await vendor.StopAsync()).Calls.Created);
    }

    [Fact]
    public async Task A_vendor_that_never_answers_times_out_and_the_next_gateway_takes_the_call()
    {
        var silent = await VendorAsync(SippScenario.UasRingNoAnswer);
        var second = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(silent.SipPort) { NoAnswerTimeoutSeconds = 1 }, new VendorTrunk(second.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var ringing = await silent.WaitForExitAsync();
        Assert.True(ringing.AllCallsSucceeded, "The timed-out vendor must get a CANCEL: " + ringing);
        var cdr = await SingleCdrAsync();
        Assert.Equal([408, 200], AttemptCodes(cdr));
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Maximum_call_duration_ends_both_legs_with_bye()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswerLong);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort) { MaxCallDurationSeconds = 1 });

        var caller = await CallAsync(Caller(SippScenario.UacCallWaitBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await vendor.WaitForExitAsync()).AllCallsSucceeded);
        Assert.Contains("Reason: Q.850;cause=16", caller.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        Assert.Equal("switch", cdr["hangup_side"]!.GetValue<string>());
        Assert.InRange(cdr["duration_milliseconds"]!.GetValue<long>(), 900, 3000);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_302_from_a_recursing_gateway_is_followed_to_its_contact()
    {
        var target = await VendorAsync(SippScenario.UasAnswer);
        var redirector = await VendorAsync(
            SippScenario.UasRedirect302, keywords: new Dictionary<string, string> { ["redirect_port"] = target.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await ProvisionAsync(new VendorTrunk(redirector.SipPort) { RedirectPolicy = "recurse" });

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await redirector.WaitForExitAsync()).AllCallsSucceeded);
        Assert.True((await target.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal([302, 200], AttemptCodes(cdr));
        await AssertNothingLeftAsync();
    }
}
