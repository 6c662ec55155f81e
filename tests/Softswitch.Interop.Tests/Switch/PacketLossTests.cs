using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>UDP retransmissions on both legs while SIPp drops messages on purpose.</summary>
public sealed class PacketLossTests : SwitchCallTest
{
    [Fact]
    public async Task Calls_complete_when_both_peers_lose_5_percent_of_messages()
    {
        const int calls = 20;
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: calls, lost: 5);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with
        {
            Calls = calls, CallsPerSecond = 10, LostPercent = 5, TraceMessages = false, Timeout = TimeSpan.FromSeconds(40),
        });

        // Every call is answered and ended: losses are repaired by retransmission (INVITE, BYE, and the 2xx until its ACK).
        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var cdrs = await Host.WaitForCdrsAsync(Tenant.Client, calls);
        Assert.Equal(calls, cdrs.Count);
        Assert.All(cdrs, cdr => Assert.Equal(200, cdr["final_code"]!.GetValue<int>()));
        await AssertNothingLeftAsync();
    }
}
