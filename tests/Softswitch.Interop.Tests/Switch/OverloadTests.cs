using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>The switch-wide call limit: a call beyond it gets 503 with Retry-After and a Reason, and no CDR.</summary>
public sealed class OverloadTests : SwitchCallTest
{
    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Sip:MaxActiveCalls"] = "1",
    };

    [Fact]
    public async Task A_call_beyond_the_limit_gets_503_with_retry_after()
    {
        var vendor = await VendorAsync(SippScenario.UasRingNoAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await using var ringing = await SippProcess.StartAsync(Caller(SippScenario.UacCancel) with
        {
            Remote = Host.SipEndPoint, Pause = TimeSpan.FromSeconds(3), Timeout = SippTimeout,
        });
        for (var i = 0; i < 50 && Host.Switch.B2bua.Counters.ActiveCalls == 0; i++)
        {
            await Task.Delay(50);
        }

        var refused = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 503 });

        Assert.True(refused.AllCallsSucceeded, refused.ToString());
        Assert.Contains("Retry-After: 5", refused.Messages, StringComparison.Ordinal);
        Assert.Contains("Reason: SIP;cause=503", refused.Messages, StringComparison.Ordinal);
        Assert.True((await ringing.WaitForExitAsync()).AllCallsSucceeded);
        Assert.Equal(1, Host.Switch.B2bua.Counters.Overloaded);
    }
}
