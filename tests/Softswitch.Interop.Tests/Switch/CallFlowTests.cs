using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>Calls from a SIPp customer through the switch to SIPp vendors: answer, hangup from either side, CANCEL, TCP.</summary>
public sealed class CallFlowTests : SwitchCallTest
{
    [Fact]
    public async Task Caller_hangs_up_an_answered_call_and_gets_one_cdr()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with { Pause = TimeSpan.FromMilliseconds(300) });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var callee = await vendor.WaitForExitAsync();
        Assert.True(callee.AllCallsSucceeded, callee.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal(200, cdr["final_code"]!.GetValue<int>());
        Assert.Equal("caller", cdr["hangup_side"]!.GetValue<string>());
        Assert.Equal(provisioned.MappingGatewayId, cdr["mapping_gateway_id"]!.GetValue<string>());
        Assert.Equal("4420123456", cdr["callee_received"]!.GetValue<string>());
        Assert.Equal([200], AttemptCodes(cdr));
        Assert.True(cdr["duration_milliseconds"]!.GetValue<long>() >= 250, cdr.ToJsonString());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Vendor_sees_its_own_dialog_and_none_of_the_callers_topology()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var callee = await vendor.WaitForExitAsync();
        var callerCallId = ExtractHeader(caller.Messages, "Call-ID");
        var vendorCallId = ExtractHeader(callee.Messages, "Call-ID");
        Assert.NotEqual(callerCallId, vendorCallId);
        Assert.DoesNotContain(callerCallId, callee.Messages, StringComparison.Ordinal);
        // The caller's Via and Contact (SIPp's own port) never reach the vendor.
        var callerPort = ExtractHeader(caller.Messages, "Contact");
        Assert.DoesNotContain(callerPort, callee.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callee_hangs_up_and_the_switch_ends_the_callers_dialog()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswerHangup, pause: TimeSpan.FromMilliseconds(300));
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallWaitBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await vendor.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal("callee", cdr["hangup_side"]!.GetValue<string>());
        Assert.Equal(200, cdr["final_code"]!.GetValue<int>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Cancel_before_answer_reaches_the_vendor_and_the_caller_gets_487()
    {
        var vendor = await VendorAsync(SippScenario.UasRingNoAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCancel) with { Pause = TimeSpan.FromMilliseconds(300) });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var callee = await vendor.WaitForExitAsync();
        Assert.True(callee.AllCallsSucceeded, callee.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal(487, cdr["final_code"]!.GetValue<int>());
        Assert.Equal("caller", cdr["hangup_side"]!.GetValue<string>());
        Assert.NotNull(cdr["ringing_at"]?.GetValue<string>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_call_over_tcp_on_both_legs()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, SippTransport.Tcp);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort, Transport: "tcp"));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye, SippTransport.Tcp));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var callee = await vendor.WaitForExitAsync();
        Assert.True(callee.AllCallsSucceeded, callee.ToString());
        Assert.Contains("SIP/2.0/TCP", callee.Messages, StringComparison.Ordinal);
        Assert.Equal(200, (await SingleCdrAsync())["final_code"]!.GetValue<int>());
    }

    private static string ExtractHeader(string messages, string name)
    {
        var start = messages.IndexOf("\n" + name + ":", StringComparison.OrdinalIgnoreCase);
        Assert.True(start >= 0, $"No {name} header in:\n{messages}");
        var end = messages.IndexOf('\n', start + 1);
        return messages[(start + name.Length + 2)..end].Trim();
    }
}
