using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

/// <summary>
/// A registrar over a fake clock with two users: alice / wonderland in realm example.com, and bob / builder in
/// realm other.example (another tenant's domain).
/// </summary>
public sealed class RegistrarFixture : ISipCredentialStore
{
    public const string Realm = "example.com";
    public const string OtherRealm = "other.example";

    private readonly DigestHa1 _alice = DigestHa1.FromPassword("alice", Realm, "wonderland");
    private readonly DigestHa1 _bob = DigestHa1.FromPassword("bob", OtherRealm, "builder");
    private uint _cseq;

    public RegistrarFixture(DigestServerOptions? digest = null, SipRegistrarOptions? registrar = null)
    {
        Authenticator = new DigestAuthenticator(digest ?? new DigestServerOptions { Secret = new byte[32] }, Clock);
        Registrar = new SipRegistrar(new SipBindingStore(Clock), this, Authenticator, registrar ?? new SipRegistrarOptions(), Clock);
    }

    public FakeTimeProvider Clock { get; } = new();

    public DigestAuthenticator Authenticator { get; }

    public SipRegistrar Registrar { get; }

    public SipEndPoint Source { get; } = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40123));

    public ValueTask<DigestHa1?> FindAsync(string realm, string user, CancellationToken cancellationToken) =>
        ValueTask.FromResult(
            realm == Realm && user == "alice" ? _alice
            : realm == OtherRealm && user == "bob" ? _bob
            : null);

    public SipRequest Register(string contact = "<sip:alice@192.168.1.20:5060>", int? expires = 3600, string user = "alice", string domain = Realm)
    {
        _cseq++;
        var text = $"""
            REGISTER sip:{domain} SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bKreg{_cseq}
            Max-Forwards: 70
            From: <sip:{user}@{domain}>;tag=r1
            To: <sip:{user}@{domain}>
            Call-ID: reg-call@192.168.1.20
            CSeq: {_cseq} REGISTER
            Contact: {contact}
            {(expires is null ? "" : $"Expires: {expires}\n")}Content-Length: 0


            """;
        var request = (SipRequest)SipParser.Default.Parse(Wire.Bytes(text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal)), SipFraming.Datagram).Message!;
        request.Source = Source;
        return request;
    }

    /// <summary>Adds Authorization answering the SHA-256 challenge of <paramref name="challengeResponse"/>.</summary>
    public static SipRequest Authorize(SipRequest request, SipResponse challengeResponse, string password, string user = "alice", int nonceCount = 1)
    {
        var challenge = DigestClient.Choose(challengeResponse.Headers.GetAll(SipHeaderKind.WwwAuthenticate))!;
        var credentials = DigestClient.Answer(challenge, user, password, request.Method, request.RequestUriText, nonceCount);
        request.Headers.Set(SipHeaderKind.Authorization, credentials.ToString());
        return request;
    }
}
