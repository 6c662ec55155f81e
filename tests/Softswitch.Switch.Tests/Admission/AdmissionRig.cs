using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Admission;

/// <summary>
/// Server transactions for admission stages without sockets: a transaction layer over a transport that only records
/// what is sent, on a fake clock, and a one-tenant snapshot whose trunk sends from 198.51.100.7.
/// </summary>
internal sealed class AdmissionRig : ISipTransactionUser
{
    public static readonly SipEndPoint TrunkSource = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5060));
    private readonly SipTransactionLayer _layer;
    private SipServerTransaction? _last;

    /// <param name="trunkLimit">The trunk's concurrent-call limit.</param>
    /// <param name="accessIps">The trunk's and phone's account's access IPs; unbound by default.</param>
    /// <param name="neighbour">Adds tenant "n", whose trunk sends from 203.0.113.9 for an account with these access IPs.</param>
    /// <param name="edit">Changes the rows before the snapshot is built.</param>
    public AdmissionRig(int? trunkLimit = null, List<string>? accessIps = null, List<string>? neighbour = null, Action<SwitchConfigRows>? edit = null)
    {
        _layer = new SipTransactionLayer(new NullTransport(), new SipTransactionOptions { RejectExhaustedMaxForwards = false }, Time);
        _layer.Attach(this);
        var builder = new ConfigRows().Tenant("t", "pbx.example.net").Account("t", "c", accessIps: accessIps).Phone("t", "c", "p1", "alice")
            .Mapping("t", "c", "trunk", ["198.51.100.7"]);
        if (neighbour is not null)
        {
            builder.Tenant("n", "n.example.net").Account("n", "nc", accessIps: neighbour).Mapping("n", "nc", "n-trunk", ["203.0.113.9"]);
        }

        var rows = builder.Build();
        rows.MappingGateways.Single(g => g.Id == "trunk").MaxConcurrentCalls = trunkLimit;
        edit?.Invoke(rows);
        Snapshot = SwitchConfigSnapshot.Create(1, rows);
        Authenticator = new DigestAuthenticator(new DigestServerOptions { Secret = new byte[32] }, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public SwitchConfigSnapshot Snapshot { get; }

    public B2buaCounters Counters { get; } = new();

    public CallCapacity Capacity { get; } = new();

    public DigestAuthenticator Authenticator { get; }

    public B2buaOptions Options { get; } = new() { MaxActiveCalls = 1 };

    public IngressStage Ingress() => new(new CallIngress(Authenticator), Counters, NullLogger.Instance);

    /// <summary>An INVITE from the trunk (or <paramref name="source"/>) to 442071234567; <paramref name="edit"/> changes it before it arrives.</summary>
    public AdmissionContext Context(Action<SipRequest>? edit = null, SipEndPoint? source = null, string fromHost = "198.51.100.7")
    {
        var target = SipUri.Parse("sip:442071234567@192.0.2.10");
        var from = new SipNameAddress { Uri = SipUri.Parse($"sip:15550001111@{fromHost}") }.WithTag(SipIdentifiers.NewTag());
        var invite = SipRequest.Create(SipMethods.Invite, target, from, new SipNameAddress { Uri = target }, SipIdentifiers.NewCallId("rig"), 1);
        invite.PushVia(new SipVia { Transport = "UDP", Host = "198.51.100.7", Port = 5060 }.WithParameter("branch", SipIdentifiers.NewBranch()));
        invite.Headers.Add(SipHeaderKind.Contact, "<sip:caller@198.51.100.7>");
        invite.MaxForwards = 70;
        edit?.Invoke(invite);
        var arrivedFrom = source ?? TrunkSource;
        invite.Source = arrivedFrom;
        _layer.OnMessage(invite, arrivedFrom);
        return new AdmissionContext(_last ?? throw new InvalidOperationException("The layer did not deliver the INVITE."), Snapshot);
    }

    public void OnRequest(SipServerTransaction transaction) => _last = transaction;

    private sealed class NullTransport : ISipTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public IPEndPoint AdvertisedEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
