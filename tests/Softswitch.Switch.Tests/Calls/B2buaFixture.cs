using System.Net;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;
using Softswitch.Switch.Events;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Sessions;
using Softswitch.Switch.Signalling;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// The switch as the host wires it (a <see cref="B2buaCore"/> behind a <see cref="SwitchTransactionUser"/> on a real
/// <see cref="SipTransport"/> on loopback), with a caller and a vendor on our own stack, all on one fake clock.
/// </summary>
internal sealed class B2buaFixture : IAsyncDisposable
{
    private readonly SipTransport _transport;
    private readonly SipTransactionLayer _layer;

    /// <param name="snapshot">The configuration from the vendor's port; by default <see cref="LoopbackTrunks"/>.</param>
    /// <param name="sessions">Where session descriptions cross; by default unchanged.</param>
    /// <param name="router">How calls are routed; by default the tenant's prefix routes.</param>
    /// <param name="cdrs">Where CDRs go, given the test's clock; by default <see cref="Cdrs"/>, which keeps them in memory.</param>
    /// <param name="callEvents">A consumer of the call-event stream after the CDR recorder.</param>
    /// <param name="securityEvents">Where refusals' security events go; none by default.</param>
    /// <param name="geofences">The geofence policy; by default none.</param>
    /// <param name="billing">Rating and anti-overdraft; by default calls are not rated.</param>
    /// <param name="redirectProfiles">The 3xx redirect client's profiles; by default the switch has no redirect client.</param>
    public B2buaFixture(
        Func<int, SwitchConfigSnapshot>? snapshot = null,
        ISessionDescriptionBridge? sessions = null,
        ICallRouter? router = null,
        Func<TimeProvider, ICdrSink>? cdrs = null,
        ICallEventConsumer? callEvents = null,
        ISecurityEventSink? securityEvents = null,
        Softswitch.Switch.Geofencing.GeofencePolicySource? geofences = null,
        Softswitch.Switch.Billing.SwitchBilling? billing = null,
        Softswitch.Switch.Redirect.RedirectProfileSource? redirectProfiles = null)
    {
        Caller = new LoopbackPeer("caller", Clock);
        Vendor = new LoopbackPeer("vendor", Clock);
        var config = new FixedConfigSource((snapshot ?? LoopbackTrunks.Snapshot)(Vendor.Port));
        // Several receive loops, as in production, so the in-order guarantees are tested where they could break.
        _transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), UdpReceivers = 4 });
        var layer = _layer = new SipTransactionLayer(_transport, new SipTransactionOptions(), Clock);
        var authenticator = new DigestAuthenticator(new DigestServerOptions { Secret = new byte[32] }, Clock);
        B2bua = new B2buaCore(
            layer, config, new CallCapacity(), cdrs?.Invoke(Clock) ?? Cdrs, authenticator, new B2buaOptions(), Clock, new TestOutputLogger<B2buaCore>(), router, sessions,
            callEvents is null ? null : [callEvents], securityEvents, geofences, billing: billing, redirectProfiles: redirectProfiles);
        var registrar = new SipRegistrar(new SipBindingStore(Clock), new SnapshotCredentialStore(config), authenticator, new SipRegistrarOptions(), Clock);
        layer.Attach(new SwitchTransactionUser(B2bua, registrar, SipOptionsResponder.Default, new TestOutputLogger<SwitchTransactionUser>()));
        _transport.Start(layer);
        SwitchEndPoint = SipEndPoint.Udp(_transport.LocalEndPoint);
    }

    public SwitchClock Clock { get; } = new();

    public LoopbackPeer Caller { get; }

    public LoopbackPeer Vendor { get; }

    public RecordingCdrSink Cdrs { get; } = new();

    public B2buaCore B2bua { get; }

    public SipEndPoint SwitchEndPoint { get; }

    /// <summary>The switch's client and server transactions.</summary>
    public int TransactionCount => _layer.TransactionCount;

    /// <summary>The caller's INVITE to a number the default route sends to the vendor; with an SDP offer unless told.</summary>
    public SipRequest Invite(bool withOffer = true)
    {
        var target = SipUri.Parse($"sip:442071234567@127.0.0.1:{SwitchEndPoint.EndPoint.Port}");
        var from = new SipNameAddress { Uri = SipUri.Parse("sip:15550001111@127.0.0.1") }.WithTag(SipIdentifiers.NewTag());
        var invite = SipRequest.Create(SipMethods.Invite, target, from, new SipNameAddress { Uri = target }, SipIdentifiers.NewCallId("caller"), 1);
        invite.Headers.Add(SipHeaderKind.Contact, Caller.Contact);
        if (withOffer)
        {
            invite.ContentType = Sdp.ContentType;
            invite.Body = Sdp.CallerOffer;
        }

        return invite;
    }

    /// <summary>
    /// Places <paramref name="invite"/> (by default <see cref="Invite"/>), expects the 200 and, unless told, ACKs it;
    /// then probes the call, so the switch has handled the answer and the ACK before the test moves the clock.
    /// </summary>
    public async Task<(PeerDialog Dialog, SipResponse Ok)> ConnectAsync(SipRequest? invite = null, bool ack = true)
    {
        invite ??= Invite();
        var ok = await Caller.SendAsync(invite, SwitchEndPoint);
        Assert.Equal(200, ok.StatusCode);
        var dialog = PeerDialog.AsCaller(invite, ok, SwitchEndPoint, Caller.Contact);
        if (ack)
        {
            await Caller.AckAsync(dialog, invite.CSeq.Number);
        }

        Assert.Equal(200, await ProbeAsync(dialog));
        return (dialog, ok);
    }

    /// <summary>
    /// Sends INFO from the caller through the call and returns the status the caller gets. The switch takes it after
    /// every request that reached it earlier and after every work item already posted to the call (a timer that fired),
    /// so 200 proves none of them ended the call and that what they armed is armed. (A response to a request the switch
    /// sent reaches the call through a continuation, so it is not ordered with the probe; wait for its timer instead.)
    /// </summary>
    public async Task<int> ProbeAsync(PeerDialog caller) =>
        (await Caller.SendAsync(caller, caller.Request(SipMethods.Info))).StatusCode;

    /// <summary>The caller hangs up and the switch answers its BYE.</summary>
    public async Task HangUpAsync(PeerDialog caller) =>
        Assert.Equal(200, (await Caller.SendAsync(caller, caller.Request(SipMethods.Bye))).StatusCode);

    /// <summary>
    /// Waits for every INVITE to leave admission (a copy of an answered INVITE holds the switch-wide slot until it has)
    /// and for the final CDR of every accepted call, then checks that the switch holds nothing of them.
    /// </summary>
    public async Task AssertCallsReleasedAsync()
    {
        await UntilAdmittedAsync();
        var accepted = (int)B2bua.Counters.CallsAccepted;
        if (accepted > 0)
        {
            await Cdrs.Finals.WaitAsync(_ => true, "final CDR", accepted);
        }

        Assert.Equal(0, B2bua.DialogCount);
        Assert.Equal(0, B2bua.Counters.ActiveCalls);
        var finals = Cdrs.Finals.Items;
        Assert.Equal(accepted, finals.Count);
        Assert.Equal(
            Cdrs.Journal.Items.Select(c => c.Id).Distinct().Order(),
            finals.Select(c => c.Id).Order());
    }

    /// <summary>
    /// Waits (at most five seconds) until no INVITE is queued for admission or being admitted. An INVITE and a request
    /// of its call take different ways (the admission lane, the call's executor), so a probe's answer does not prove an
    /// INVITE sent before it has left admission, and admission holds the switch-wide slot until it has.
    /// </summary>
    public async Task UntilAdmittedAsync()
    {
        for (var attempt = 0; attempt < 250 && B2bua.PendingAdmissions > 0; attempt++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, B2bua.PendingAdmissions);
    }

    /// <summary>
    /// Waits (at most five seconds) until the work the last timers posted has run: no transaction, claim or timer left.
    /// The asserts after it say which one did not go.
    /// </summary>
    public async Task UntilIdleAsync()
    {
        for (var attempt = 0; attempt < 250 && (TransactionCount > 0 || B2bua.InviteClaimCount > 0 || Clock.PendingTimers > 0); attempt++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync();
        B2bua.Dispose();
        await Caller.DisposeAsync();
        await Vendor.DisposeAsync();
    }
}
