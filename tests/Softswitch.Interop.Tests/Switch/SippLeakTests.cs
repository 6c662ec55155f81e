using Microsoft.Extensions.DependencyInjection;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Switch.Capacity;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// After a 10,000-call run from SIPp through the running switch, nothing of the calls is left: no call, dialog,
/// INVITE claim, transaction, 2xx being retransmitted or capacity slot, and the gauges are back to zero (issue 7).
/// </summary>
public sealed class SippLeakTests : SwitchCallTest
{
    private const int Calls = 10_000;
    private const int CallsPerSecond = 250;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    // RFC 3261 §17: UDP transactions linger 64*T1 (32 s) after their final response; so do the INVITE claims.
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Ten_thousand_calls_leave_nothing_behind()
    {
        await using var vendor = await SippProcess.StartAsync(new SippOptions
        {
            Scenario = SippScenario.UasAnswer, Calls = Calls, Timeout = RunLimit, TraceMessages = false,
        });
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with
        {
            Calls = Calls, CallsPerSecond = CallsPerSecond, Timeout = RunLimit, TraceMessages = false,
        });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var b2bua = Host.Switch.B2bua;
        Assert.Equal(Calls, b2bua.Counters.CallsAccepted);
        await AssertNothingLeftAsync();
        var deadline = DateTime.UtcNow + Linger;
        while (DateTime.UtcNow < deadline && (Host.Switch.TransactionCount > 0 || b2bua.InviteClaimCount > 0))
        {
            await Task.Delay(500);
        }

        Assert.Equal(0, Host.Switch.TransactionCount);
        Assert.Equal(0, b2bua.InviteClaimCount);
        Assert.Equal(0, b2bua.AnswersRetransmitting);
        Assert.Equal(0, b2bua.PendingAdmissions);
        var capacity = Host.Application.Services.GetRequiredService<CallCapacity>();
        Assert.Equal(0, capacity.InUse(provisioned.MappingGatewayId));
        Assert.All(provisioned.RoutingGatewayIds, gateway => Assert.Equal(0, capacity.InUse(gateway)));
    }
}
