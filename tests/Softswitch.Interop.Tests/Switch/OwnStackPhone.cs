using System.Net;
using System.Text;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// A phone built on our own SIP stack, over a real UDP socket on loopback: it speaks SHA-256 digest, which neither
/// SIPp 3.6 nor baresip 1.0 do. It REGISTERs, places one call, and hangs it up.
/// </summary>
public sealed class OwnStackPhone : IAsyncDisposable, ISipTransactionUser
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes(
        "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    private readonly SipTransport _transport;
    private readonly SipTransactionLayer _layer;
    private readonly SipEndPoint _switch;
    private readonly string _user;
    private readonly string _password;
    private readonly string _domain;

    public OwnStackPhone(IPEndPoint switchEndPoint, string user, string password, string domain)
    {
        _transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        _layer = new SipTransactionLayer(_transport);
        _layer.Attach(this);
        _transport.Start(_layer);
        _switch = SipEndPoint.Udp(switchEndPoint);
        (_user, _password, _domain) = (user, password, domain);
    }

    /// <summary>REGISTER, answering the 401 with the strongest challenge offered; returns the final status and the algorithm used.</summary>
    public async Task<(int Status, DigestAlgorithm? Algorithm)> RegisterAsync()
    {
        var aor = SipUri.Parse($"sip:{_user}@{_domain}");
        var callId = SipIdentifiers.NewCallId("phone");
        var fromTag = SipIdentifiers.NewTag();
        SipRequest Register(uint sequence)
        {
            var request = SipRequest.Create(SipMethods.Register, SipUri.Parse($"sip:{_domain}"),
                new SipNameAddress { Uri = aor }.WithTag(fromTag), new SipNameAddress { Uri = aor }, callId, sequence);
            request.Headers.Add(SipHeaderKind.Contact, $"<sip:{_user}@127.0.0.1:{_transport.LocalEndPoint.Port}>");
            request.Headers.Add(SipHeaderKind.Expires, "300");
            return request;
        }

        var challenged = await _layer.SendRequest(Register(1), _switch).FinalResponse;
        if (challenged.StatusCode != 401)
        {
            return (challenged.StatusCode, null);
        }

        var challenge = DigestClient.Choose(challenged.Headers.GetAll(SipHeaderKind.WwwAuthenticate))!;
        var retry = Register(2);
        retry.Headers.Add(SipHeaderKind.Authorization, DigestClient.Answer(challenge, _user, _password, SipMethods.Register, $"sip:{_domain}").ToString());
        var final = await _layer.SendRequest(retry, _switch).FinalResponse;
        return (final.StatusCode, challenge.Algorithm);
    }

    /// <summary>Calls <paramref name="callee"/>, answering the 407, and hangs up after the answer; returns the INVITE's final status.</summary>
    public async Task<int> CallAndHangUpAsync(string callee)
    {
        var target = SipUri.Parse($"sip:{callee}@{_domain}");
        var from = new SipNameAddress { Uri = SipUri.Parse($"sip:{_user}@{_domain}") }.WithTag(SipIdentifiers.NewTag());
        var to = new SipNameAddress { Uri = target };
        var callId = SipIdentifiers.NewCallId("phone");
        SipRequest Invite(uint sequence)
        {
            var invite = SipRequest.Create(SipMethods.Invite, target, from, to, callId, sequence);
            invite.Headers.Add(SipHeaderKind.Contact, $"<sip:{_user}@127.0.0.1:{_transport.LocalEndPoint.Port}>");
            invite.ContentType = "application/sdp";
            invite.Body = Sdp;
            return invite;
        }

        var challenged = await _layer.SendRequest(Invite(1), _switch).FinalResponse;
        if (challenged.StatusCode != 407)
        {
            return challenged.StatusCode;
        }

        var challenge = DigestClient.Choose(challenged.Headers.GetAll(SipHeaderKind.ProxyAuthenticate))!;
        var retry = Invite(2);
        retry.Headers.Add(SipHeaderKind.ProxyAuthorization, DigestClient.Answer(challenge, _user, _password, SipMethods.Invite, target.ToString()).ToString());
        var answer = await _layer.SendRequest(retry, _switch).FinalResponse;
        if (!answer.IsSuccess)
        {
            return answer.StatusCode;
        }

        var remoteTarget = answer.Contacts[0].Uri;
        await _layer.SendAckAsync(SipRequest.Create(SipMethods.Ack, remoteTarget, from, answer.To, callId, 2), _switch);
        var bye = await _layer.SendRequest(SipRequest.Create(SipMethods.Bye, remoteTarget, from, answer.To, callId, 3), _switch).FinalResponse;
        return bye.IsSuccess ? answer.StatusCode : bye.StatusCode;
    }

    public void OnRequest(SipServerTransaction transaction) => transaction.Respond(transaction.Request.Method == SipMethods.Bye ? 200 : 405);

    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
