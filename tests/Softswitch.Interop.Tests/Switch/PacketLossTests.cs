using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>UDP retransmissions on both legs while SIPp drops messages on purpose.</summary>
public sealed class PacketLossTests : SwitchCallTest
{
    [Fact]
    public async Task Calls_complete_when_the_caller_loses_5_percent_of_messages()
    {
        const int calls = 20;
        // Loss on the caller's side only: SIPp 3.6's UAS aborts a call when the switch retransmits an INVITE whose 100
        // it lost (it takes the copy for an unexpected message), which would fail the vendor, not the switch.
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: calls);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with
        {
            Calls = calls, CallsPerSecond = 10, LostPercent = 5, TraceMessages = false, Timeout = TimeSpan.FromSeconds(40),
        });

        // Every call is answered and ended: losses are repaired by retransmission (the caller's INVITE and BYE, the
        // switch's 2xx until its ACK, and the switch's responses to retransmitted requests).
        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var cdrs = await Host.WaitForCdrsAsync(Tenant.Client, calls);
        Assert.Equal(calls, cdrs.Count);
        Assert.All(cdrs, cdr => Assert.Equal(200, cdr["final_code"]!.GetValue<int>()));
        await AssertNothingLeftAsync();
    }
}
