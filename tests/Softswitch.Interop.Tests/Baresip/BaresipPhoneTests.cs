using System.Net;

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
        await using var uas = SippPeer.StartUas();
        await using var phone = await BaresipPhone.StartAsync(Alice(uas.Endpoint));

        await phone.DialAsync($"sip:service@{uas.Endpoint}");
        var established = await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        await phone.HangupAsync();
        var closed = await phone.WaitForEventAsync(BaresipEventTypes.CallClosed);

        Assert.Equal("outgoing", established.Direction);
        Assert.Equal(established.CallId, closed.CallId);
        await AssertCallWentAsScriptedAsync(uas, phone);
    }

    [Fact]
    public async Task Call_ends_by_itself_when_the_tone_file_ends()
    {
        await using var uas = SippPeer.StartUas();
        await using var phone = await BaresipPhone.StartAsync(Alice(uas.Endpoint) with { AudioLength = TimeSpan.FromSeconds(1) });

        await phone.DialAsync($"sip:service@{uas.Endpoint}");
        await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        var closed = await phone.WaitForEventAsync(BaresipEventTypes.CallClosed, TimeSpan.FromSeconds(5));

        Assert.Equal("end of file", closed.Param);
        await AssertCallWentAsScriptedAsync(uas, phone);
    }

    [Fact]
    public async Task Incoming_call_is_answered_automatically()
    {
        var unusedProxy = new IPEndPoint(IPAddress.Loopback, LoopbackPorts.ForUdp());
        await using var phone = await BaresipPhone.StartAsync(Alice(unusedProxy) with { AutoAnswer = true });
        await using var uac = SippPeer.StartUac("alice", phone.SipEndpoint);

        var established = await phone.WaitForEventAsync(BaresipEventTypes.CallEstablished);
        var closed = await phone.WaitForEventAsync(BaresipEventTypes.CallClosed);

        Assert.Equal("incoming", established.Direction);
        Assert.Equal(established.CallId, closed.CallId);
        await AssertCallWentAsScriptedAsync(uac, phone);
    }

    [Fact]
    public async Task Registration_answered_with_200_reports_register_ok()
    {
        await using var registrar = SippPeer.StartRegistrar();
        var phone = await BaresipPhone.StartAsync(Alice(registrar.Endpoint) with
        {
            Password = "secret",
            RegistrationInterval = TimeSpan.FromMinutes(1),
        });
        await using (phone)
        {
            await phone.WaitForRegistrationAsync();
        }

        // Disposing the phone un-REGISTERed it, which is the registrar scenario's last step.
        Assert.True(await registrar.WaitForExitAsync(SippTimeout) == 0, registrar.Output);
    }

    [Fact]
    public async Task Registration_with_nothing_listening_reports_register_fail()
    {
        // Over TCP a closed port refuses at once; over UDP baresip would wait out Timer F (32 s).
        var nobody = new IPEndPoint(IPAddress.Loopback, LoopbackPorts.ForTcp());
        await using var phone = await BaresipPhone.StartAsync(Alice(nobody) with
        {
            Transport = BaresipTransport.Tcp,
            RegistrationInterval = TimeSpan.FromMinutes(1),
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => phone.WaitForRegistrationAsync());

        Assert.Contains("Connection refused", failure.Message, StringComparison.Ordinal);
    }

    private static BaresipPhoneOptions Alice(IPEndPoint outboundProxy) =>
        new() { User = "alice", Domain = "example.test", OutboundProxy = outboundProxy };

    private static async Task AssertCallWentAsScriptedAsync(SippPeer peer, BaresipPhone phone)
    {
        var exitCode = await peer.WaitForExitAsync(SippTimeout);
        Assert.True(exitCode == 0, $"SIPp exited with {exitCode}.\n--- SIPp output ---\n{peer.Output}\n{phone.Diagnostics}");
    }
}
