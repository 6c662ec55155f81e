using System.Net;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests.Phones;

/// <summary>
/// Parallel forking to a phone's contacts, routes that target a phone, and the phone's line count, through the B2BUA
/// on loopback with the fake clock.
/// </summary>
public sealed class PhoneForkingTests
{
    private const string PhoneId = "ph_alice";

    /// <summary>The number <see cref="B2buaFixture.Invite"/> calls.</summary>
    private const string Number = "442071234567";

    [Fact]
    public async Task Parallel_forking_rings_every_contact_and_cancels_the_others_when_one_answers()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel), router: Router(contacts));
        await using var desk = new LoopbackPeer("desk", rig.Clock) { InviteAnswer = new InviteAnswer { RingOnly = true } };
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", desk.Port), Contact("sip:alice@10.0.0.6:5060", rig.Vendor.Port, q: 0.5));

        var invite = rig.Invite();
        var answered = rig.Caller.SendAsync(invite, rig.SwitchEndPoint);
        await desk.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the desk phone");
        await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the mobile at the same time");
        Assert.Equal(200, (await answered).StatusCode);
        await desk.Cancels.WaitAsync(_ => true, "CANCEL to the desk phone");

        var dialog = PeerDialog.AsCaller(invite, await answered, rig.SwitchEndPoint, rig.Caller.Contact);
        await rig.Caller.AckAsync(dialog, invite.CSeq.Number);
        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal([487, 200], cdr.Attempts.Select(a => a.ResponseCode));
        Assert.Equal([PhoneId, PhoneId], cdr.Attempts.Select(a => a.RoutingGatewayId));
        await UntilCancelledBranchesEndAsync(rig);
        await rig.AssertCallsReleasedAsync();
        Assert.Equal(0, rig.B2bua.PhoneLinesInUse(PhoneId));
    }

    [Fact]
    public async Task Only_the_first_ringing_contact_s_18x_reaches_the_caller()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel), router: Router(contacts));
        await using var desk = new LoopbackPeer("desk", rig.Clock) { InviteAnswer = new InviteAnswer { RingOnly = true } };
        rig.Vendor.InviteAnswer = new InviteAnswer { RingOnly = true };
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", desk.Port), Contact("sip:alice@10.0.0.6:5060", rig.Vendor.Port));

        var response = rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);
        await desk.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the desk phone");
        await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the mobile");
        await rig.Caller.Provisionals.WaitAsync(r => r.StatusCode == 180, "ringing");

        // Both contacts ring; on Timer C both are cancelled and the caller gets 408 (every branch timed out). Each
        // branch's Timer C is armed with its INVITE and restarted by its 180 (RFC 3261 §16.7 step 2): four armings.
        var timerC = new B2buaOptions().TimerC;
        await rig.Clock.ArmedForAsync(timerC, nth: 4);
        rig.Clock.AdvanceTo(timerC);

        Assert.Equal(408, (await response).StatusCode);
        await desk.Cancels.WaitAsync(_ => true, "CANCEL to the desk phone");
        await rig.Vendor.Cancels.WaitAsync(_ => true, "CANCEL to the mobile");
        Assert.Equal(1, rig.Caller.Provisionals.Count(r => r.StatusCode == 180));
        await UntilCancelledBranchesEndAsync(rig);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_second_answer_is_acknowledged_and_hung_up_and_the_caller_gets_one_200()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel), router: Router(contacts));
        await using var desk = new LoopbackPeer("desk", rig.Clock);
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", desk.Port), Contact("sip:alice@10.0.0.6:5060", rig.Vendor.Port));

        var (dialog, _) = await rig.ConnectAsync();

        // RFC 3261 §13.2.2.4: the 2xx that lost the race is acknowledged, then ended with BYE, before the caller hangs up.
        var loser = await Task.WhenAny(
            desk.Requests.WaitAsync(r => r.Method == SipMethods.Bye, "BYE to the desk phone").ContinueWith(_ => desk, TaskScheduler.Default),
            rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Bye, "BYE to the mobile").ContinueWith(_ => rig.Vendor, TaskScheduler.Default));
        var late = await loser;
        await late.Acks.WaitAsync(_ => true, "ACK of the late 2xx");
        Assert.Contains("487", late.Requests.Items.Single(r => r.Method == SipMethods.Bye).Headers["Reason"]);

        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal([200, 487], cdr.Attempts.Select(a => a.ResponseCode).Order());
        await UntilCancelledBranchesEndAsync(rig);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_caller_s_cancel_cancels_every_ringing_branch_and_frees_the_line()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel, maxIncomingCalls: 1), router: Router(contacts));
        await using var desk = new LoopbackPeer("desk", rig.Clock) { InviteAnswer = new InviteAnswer { RingOnly = true } };
        rig.Vendor.InviteAnswer = new InviteAnswer { RingOnly = true };
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", desk.Port), Contact("sip:alice@10.0.0.6:5060", rig.Vendor.Port));
        var invite = rig.Invite();
        var response = rig.Caller.SendAsync(invite, rig.SwitchEndPoint);
        await desk.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the desk phone");
        await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the mobile");
        await rig.Caller.Provisionals.WaitAsync(r => r.StatusCode == 180, "ringing");

        rig.Caller.CancelLastInvite();

        Assert.Equal(487, (await response).StatusCode);
        await desk.Cancels.WaitAsync(_ => true, "CANCEL to the desk phone");
        await rig.Vendor.Cancels.WaitAsync(_ => true, "CANCEL to the mobile");
        await UntilCancelledBranchesEndAsync(rig);
        await rig.AssertCallsReleasedAsync();
        Assert.Equal(0, rig.B2bua.PhoneLinesInUse(PhoneId));
    }

    [Fact]
    public async Task A_6xx_from_one_branch_cancels_the_others_and_ends_the_call()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel), router: Router(contacts));
        await using var desk = new LoopbackPeer("desk", rig.Clock) { InviteAnswer = new InviteAnswer { RingOnly = true } };
        rig.Vendor.InviteAnswer = new InviteAnswer { Status = 603 };
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", desk.Port), Contact("sip:alice@10.0.0.6:5060", rig.Vendor.Port));

        var response = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(603, response.StatusCode);
        await desk.Cancels.WaitAsync(_ => true, "CANCEL to the desk phone");
        await UntilCancelledBranchesEndAsync(rig);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_route_that_targets_a_phone_rings_its_contacts()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Sequential, number: null, routeToPhone: true), router: Router(contacts));
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", rig.Vendor.Port));

        var (dialog, _) = await rig.ConnectAsync();

        var invite = await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the phone");
        Assert.Equal("sip:alice@10.0.0.5:5060", invite.Uri.ToString());
        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal(PhoneId, cdr.Attempts.Single().RoutingGatewayId);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_call_over_the_phone_s_line_count_gets_486_and_a_line_frees_when_a_call_ends()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel, maxIncomingCalls: 1), router: Router(contacts));
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", rig.Vendor.Port));

        var (first, _) = await rig.ConnectAsync();
        var busy = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(486, busy.StatusCode);
        Assert.Contains("Phone line count reached", busy.Headers["Reason"]);
        Assert.Equal(1, rig.Vendor.Requests.Count(r => r.Method == SipMethods.Invite));
        await rig.HangUpAsync(first);
        await rig.Cdrs.Finals.WaitAsync(c => c.FinalCode == 200, "first call's final CDR");
        var (third, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(third);
        await rig.AssertCallsReleasedAsync();
        Assert.Equal(0, rig.B2bua.PhoneLinesInUse(PhoneId));
    }

    [Fact]
    public async Task Forked_calls_leave_no_dialog_transaction_timer_or_line_behind()
    {
        const int Calls = 50;
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, ForkMode.Parallel), router: Router(contacts));
        await using var desk = new LoopbackPeer("desk", rig.Clock) { InviteAnswer = new InviteAnswer { RingOnly = true } };
        await using var softphone = new LoopbackPeer("softphone", rig.Clock) { InviteAnswer = new InviteAnswer { Status = 480 } };
        contacts.Set(
            Contact("sip:alice@10.0.0.5:5060", desk.Port),
            Contact("sip:alice@10.0.0.6:5060", softphone.Port),
            Contact("sip:alice@10.0.0.7:5060", rig.Vendor.Port, q: 0.5));
        for (var call = 0; call < Calls; call++)
        {
            var (dialog, _) = await rig.ConnectAsync();
            await rig.HangUpAsync(dialog);
        }

        await desk.Cancels.WaitAsync(_ => true, "every desk INVITE cancelled", Calls);
        await UntilCancelledBranchesEndAsync(rig);
        await rig.AssertCallsReleasedAsync();

        // RFC 3261 §17: a UDP transaction lingers 64*T1 after its final response; then nothing is left.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(40));
        await rig.UntilIdleAsync();
        Assert.Equal(0, rig.TransactionCount);
        Assert.Equal(0, rig.B2bua.InviteClaimCount);
        Assert.Equal(0, rig.B2bua.Counters.ActiveCalls);
        Assert.Equal(0, rig.Clock.PendingTimers);
        Assert.Equal(0, rig.B2bua.PhoneLinesInUse(PhoneId));
    }

    /// <summary>
    /// Waits (at most five seconds) for the 487s of the branches the switch cancelled as the call ended: each branch's
    /// dialog is tracked until its INVITE transaction has its final response.
    /// </summary>
    private static async Task UntilCancelledBranchesEndAsync(B2buaFixture rig)
    {
        for (var attempt = 0; attempt < 250 && rig.B2bua.DialogCount > 0; attempt++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static ICallRouter Router(Softswitch.Switch.Phones.IPhoneContacts contacts) => new PhoneCallRouter(PrefixCallRouter.Instance, contacts);

    private static PhoneContact Contact(string uri, int port, double q = 1) =>
        new(SipUri.Parse(uri), SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, port)), q);

    private static SwitchConfigSnapshot Snapshot(
        int vendorPort, ForkMode mode, string? number = Number, int? maxIncomingCalls = null, bool routeToPhone = false)
    {
        var rows = new ConfigRows()
            .Tenant(LoopbackTrunks.Tenant)
            .Account(LoopbackTrunks.Tenant, "acc_customer")
            .Account(LoopbackTrunks.Tenant, "acc_vendor")
            .Mapping(LoopbackTrunks.Tenant, "acc_customer", LoopbackTrunks.MappingGateway, ["127.0.0.1"])
            .Routing(LoopbackTrunks.Tenant, "acc_vendor", LoopbackTrunks.RoutingGateway)
            .DefaultRouteToAll(LoopbackTrunks.Tenant)
            .Route(LoopbackTrunks.Tenant, "rt_uk", "44", [])
            .Phone(LoopbackTrunks.Tenant, "acc_customer", PhoneId, "alice")
            .Build();
        var vendor = rows.RoutingGateways.Single();
        vendor.Host = "127.0.0.1";
        vendor.Port = vendorPort;
        var phone = rows.Phones.Single();
        phone.Number = number;
        phone.ForkMode = mode;
        phone.MaxIncomingCalls = maxIncomingCalls;
        var uk = rows.Routes.Single(r => r.Id == "rt_uk");
        uk.PhoneId = PhoneId;
        if (!routeToPhone)
        {
            uk.Status = GatewayStatus.Disabled;
        }

        return SwitchConfigSnapshot.Create(1, rows);
    }
}
