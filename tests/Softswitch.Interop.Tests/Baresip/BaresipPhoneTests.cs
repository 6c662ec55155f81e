using System.Net;
using System.Net.Sockets;
using Softswitch.Interop.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// Proves the harness without the switch: baresip against SIPp peers on loopback. The phone is always disposed
/// before its peer, as it must be before a real registrar.
/// </summary>
public sealed class BaresipPhoneTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Dialled_call_to_sipp_uas_is_established_then_closed_by_hangup()
    {
        await using var uas = await SippProcess.StartAsync(Sipp(SippScenario.UasAnswer));
        await using var phone = await BaresipPhone.StartAsync(Alice(uas.SipEndPoint));

        await phone.DialAsync($"sip:service@{uas.SipEndPoint}");
        var established = await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        await phone.HangupAsync();
        var closed = await phone.WaitForEventAsync(BaresipEventTypes.CallClosed);

        await AssertOneCallAsync("outgoing", established, closed, uas, phone);
    }

    [Fact]
    public async Task Call_ends_by_itself_when_the_tone_file_ends()
    {
        await using var uas = await SippProcess.StartAsync(Sipp(SippScenario.UasAnswer));
        await using var phone = await BaresipPhone.StartAsync(Alice(uas.SipEndPoint) with { AudioLength = TimeSpan.FromSeconds(1) });

        await phone.DialAsync($"sip:service@{uas.SipEndPoint}");
        await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        var closed = await phone.WaitForEventAsync(BaresipEventTypes.CallClosed, TimeSpan.FromSeconds(5));

        Assert.Equal("end of file", closed.Param);
        await AssertCallWentAsScriptedAsync(uas, phone);
    }

    [Fact]
    public async Task Incoming_call_is_answered_automatically()
    {
        var unusedProxy = new IPEndPoint(IPAddress.Loopback, LoopbackPorts.Free(ProtocolType.Udp));
        await using var phone = await BaresipPhone.StartAsync(Alice(unusedProxy) with { AutoAnswer = true });
        await using var uac = await SippProcess.StartAsync(
            Sipp(SippScenario.UacCallBye) with { Remote = phone.SipEndpoint, Callee = "alice" });

        var established = await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        var closed = await phone.WaitForEventAsync(BaresipEventTypes.CallClosed);

        await AssertOneCallAsync("incoming", established, closed, uac, phone);
    }

    [Fact]
    public async Task Registration_answered_with_200_reports_register_ok()
    {
        await using var registrar = await SippProcess.StartAsync(Sipp(SippScenario.UasOpenRegistrar));
        var phone = await BaresipPhone.StartAsync(Alice(registrar.SipEndPoint) with
        {
            Password = "secret",
            RegistrationInterval = TimeSpan.FromMinutes(1),
        });
        await using (phone)
        {
            await phone.WaitForRegistrationAsync();
        }

        // Disposing the phone un-REGISTERed it, which is the registrar scenario's last step.
        var result = await registrar.WaitForExitAsync();
        Assert.True(result.AllCallsSucceeded, result.ToString());
    }

    [Fact]
    public async Task Registration_with_nothing_listening_reports_register_fail()
    {
        // Over TCP a closed port refuses at once; over UDP baresip would wait out Timer F (32 s).
        var nobody = new IPEndPoint(IPAddress.Loopback, LoopbackPorts.Free(ProtocolType.Tcp));
        await using var phone = await BaresipPhone.StartAsync(Alice(nobody) with
        {
            Transport = BaresipTransport.Tcp,
            RegistrationInterval = TimeSpan.FromMinutes(1),
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => phone.WaitForRegistrationAsync());

        Assert.Contains("Connection refused", failure.Message, StringComparison.Ordinal);
    }

    private static SippOptions Sipp(string scenario) => new() { Scenario = scenario, Timeout = SippTimeout };

    private static BaresipPhoneOptions Alice(IPEndPoint outboundProxy) =>
        new() { User = "alice", Domain = "example.test", OutboundProxy = outboundProxy };

    /// <summary>The events are about one call in <paramref name="direction"/>, and SIPp played that call as scripted.</summary>
    private static async Task AssertOneCallAsync(
        string direction, BaresipEvent established, BaresipEvent closed, SippProcess peer, BaresipPhone phone)
    {
        Assert.Equal(direction, established.Direction);
        Assert.Equal(established.CallId, closed.CallId);
        await AssertCallWentAsScriptedAsync(peer, phone);
    }

    private static async Task AssertCallWentAsScriptedAsync(SippProcess peer, BaresipPhone phone)
    {
        var result = await peer.WaitForExitAsync();
        Assert.True(result.AllCallsSucceeded, $"{result}\n{phone.Diagnostics}");
    }
}
