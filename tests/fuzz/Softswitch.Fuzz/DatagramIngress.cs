using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Serialization;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;
using Softswitch.Switch.Signalling;

namespace Softswitch.Fuzz;

/// <summary>
/// One datagram through the switch's ingress, in process: parse, validate, the stateless answer to a fault, the
/// transaction layer, and the switch's transaction user (registrar, OPTIONS responder, the B2BUA and its admission
/// pipeline), wired as the host wires them. The datagram comes from a customer trunk's address, so a new INVITE gets
/// through ingress and meets the routing, where no route is configured. The order of the steps is
/// <c>SipTransport</c>'s dispatch, whose code is private to it: this class calls the same public pieces in that order.
/// </summary>
internal sealed class DatagramIngress : IDisposable
{
    private static readonly SipEndPoint TrunkSource = SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, 5062));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new();
    private readonly ErrorLog _errors = new();
    private readonly RecordingTransport _transport = new();
    private readonly SipTransactionLayer _layer;
    private readonly B2buaCore _b2bua;

    public DatagramIngress()
    {
        var config = new FixedConfig(SwitchConfigSnapshot.Create(1, TrunkWithoutRoutes()));
        _layer = new SipTransactionLayer(_transport, new SipTransactionOptions(), _clock, _errors.For<SipTransactionLayer>());
        var authenticator = new DigestAuthenticator(new DigestServerOptions { Secret = new byte[32] }, _clock);
        _b2bua = new B2buaCore(
            _layer, config, new CallCapacity(), new DiscardedCdrs(), authenticator, new B2buaOptions(), _clock, _errors.For<B2buaCore>());
        var registrar = new SipRegistrar(new SipBindingStore(_clock), new SnapshotCredentialStore(config), authenticator, new SipRegistrarOptions(), _clock);
        _layer.Attach(new SwitchTransactionUser(_b2bua, registrar, SipOptionsResponder.Default, _errors.For<SwitchTransactionUser>()));
    }

    /// <summary>What the last datagram led to, for replaying inputs by hand.</summary>
    public string LastOutcome { get; private set; } = "";

    /// <summary>Handles one datagram; throws when handling it made the switch log an error or left a request unanswered.</summary>
    public void Deliver(ReadOnlySpan<byte> datagram)
    {
        Handle(datagram);
        _errors.ThrowIfAny();
    }

    public void Dispose() => _b2bua.Dispose();

    private void Handle(ReadOnlySpan<byte> datagram)
    {
        // The framer's view of the same bytes, for its own paths; a TCP connection would hand them to it.
        _ = SipParser.Default.Parse(datagram, SipFraming.Stream);

        var result = SipParser.Default.Parse(datagram, SipFraming.Datagram);
        var message = result.Message;
        var error = result.Error;
        if (message is not null && error is null)
        {
            error = SipMessageValidator.Validate(message);
        }

        if (error is not null)
        {
            Reject(message, error);
            return;
        }

        message!.Source = TrunkSource;
        if (message is not SipRequest request)
        {
            _layer.OnMessage(message, TrunkSource);
            LastOutcome = "response to the transaction layer";
            return;
        }

        ViaProcessing.StampSource(request, TrunkSource);
        var answered = _transport.FinalResponses;
        _layer.OnMessage(request, TrunkSource);
        var finished = request.Method == SipMethods.Ack || SpinWait.SpinUntil(() => _transport.FinalResponses > answered, Patience);

        // Past Timer H, J and I (RFC 3261 §17.2), so the transactions of this input are gone before the next one.
        _clock.Advance(TimeSpan.FromSeconds(40));
        _clock.Advance(TimeSpan.FromSeconds(40));
        if (!finished)
        {
            throw new TimeoutException($"{request.Method} got no final response within {Patience.TotalSeconds} s");
        }

        LastOutcome = $"{request.Method} answered";
    }

    /// <summary>The stateless answer a transport gives a malformed request it can route a response for (RFC 3261 §8.2, §18.3).</summary>
    private void Reject(SipMessage? message, SipParseError error)
    {
        if (message is SipRequest request && SipMessageValidator.CanRespond(request))
        {
            ViaProcessing.StampSource(request, TrunkSource);
            _ = SipSerializer.ToArray(SipResponse.CreateFor(request, error.StatusCode, error.ReasonPhrase));
            LastOutcome = $"answered {error}";
            return;
        }

        LastOutcome = $"dropped {error}";
    }

    private static SwitchConfigRows TrunkWithoutRoutes() => SwitchConfigRows.None with
    {
        Tenants = [new Tenant { Id = "fuzz", Name = "fuzz", SipDomain = "fuzz.example.net", Status = TenantStatus.Active }],
        Accounts = [new Account { TenantId = "fuzz", Id = "trunk-account", Name = "trunk-account", Status = AccountStatus.Active, Currency = "USD" }],
        MappingGateways =
        [
            new MappingGateway
            {
                TenantId = "fuzz", AccountId = "trunk-account", Id = "trunk", Name = "trunk", SourceAddresses = ["127.0.0.1"],
                Status = GatewayStatus.Active,
            },
        ],
    };

    private sealed class FixedConfig(SwitchConfigSnapshot snapshot) : ISwitchConfigSource
    {
        public SwitchConfigSnapshot Current { get; } = snapshot;
    }

    private sealed class DiscardedCdrs : ICdrSink
    {
        public bool CanRecord => true;

        public ValueTask JournalAsync(CallDetailRecord inProgress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(CallDetailRecord final, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
