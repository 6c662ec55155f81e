using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>Requests inside an answered call, relayed from one dialog to the other.</summary>
public sealed class MidCallTests : SwitchCallTest
{
    [Fact]
    public async Task A_reinvite_from_the_caller_reaches_the_vendor_and_its_answer_comes_back()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswerReinvite);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacReinvite) with { Pause = TimeSpan.FromMilliseconds(200) });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Contains("re-INVITE answer a=recvonly", caller.Log, StringComparison.Ordinal);
        var callee = await vendor.WaitForExitAsync();
        Assert.True(callee.AllCallsSucceeded, callee.ToString());
        Assert.Contains("a=sendonly", callee.Messages, StringComparison.Ordinal);
        Assert.Equal(200, (await SingleCdrAsync())["final_code"]!.GetValue<int>());
        await AssertNothingLeftAsync();
    }
}
