using System.Net;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class RequestUriSchemeStageTests
{
    private readonly AdmissionRig _rig = new();

    [Theory]
    [InlineData("sip:442071234567@192.0.2.10")]
    [InlineData("SIPS:442071234567@192.0.2.10")]
    [InlineData("tel:+442071234567")]
    public async Task A_sip_sips_or_tel_request_uri_passes(string requestUri)
    {
        var decision = await new RequestUriSchemeStage().EvaluateAsync(Arrived(requestUri));

        Assert.True(decision.IsContinue);
    }

    [Theory]
    [InlineData("nobodyKnowsThisScheme:totallyopaquecontent")]
    [InlineData("soap.beep://192.0.2.103:3002")]
    [InlineData("urn:service:sos")]
    public async Task Any_other_scheme_gets_416_before_anything_reads_the_uri(string requestUri)
    {
        var decision = await new RequestUriSchemeStage().EvaluateAsync(Arrived(requestUri));

        Assert.Equal((AdmissionVerdict.Reject, 416, "request-uri-scheme"), (decision.Verdict, decision.Response!.StatusCode, decision.RuleId));
    }

    /// <summary>An INVITE as the transport hands it over: parsed from bytes (a SipUri cannot hold another scheme).</summary>
    private AdmissionContext Arrived(string requestUri)
    {
        var wire = $"INVITE {requestUri} SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7;branch=z9hG4bK-{Guid.NewGuid():N}\r\n"
            + "From: <sip:15550001111@198.51.100.7>;tag=a1\r\nTo: <sip:442071234567@192.0.2.10>\r\n"
            + $"Call-ID: {Guid.NewGuid():N}@rig\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContact: <sip:caller@198.51.100.7>\r\nContent-Length: 0\r\n\r\n";
        var invite = (SipRequest)SipParser.Default.Parse(Encoding.ASCII.GetBytes(wire), SipFraming.Datagram).Message!;
        invite.Source = AdmissionRig.TrunkSource;
        var user = new LastRequest();
        var layer = new SipTransactionLayer(new SilentTransport(), new SipTransactionOptions(), _rig.Time);
        layer.Attach(user);
        layer.OnMessage(invite, AdmissionRig.TrunkSource);
        return new AdmissionContext(user.Transaction!, _rig.Snapshot);
    }

    private sealed class LastRequest : ISipTransactionUser
    {
        public SipServerTransaction? Transaction { get; private set; }

        public void OnRequest(SipServerTransaction transaction) => Transaction = transaction;
    }

    private sealed class SilentTransport : ISipTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public IPEndPoint AdvertisedEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
