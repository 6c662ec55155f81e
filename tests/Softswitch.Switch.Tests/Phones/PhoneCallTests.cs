using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Phones;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests.Phones;

/// <summary>Calls whose callee is a phone's number: its registered contacts ring, in order, under Timer C.</summary>
public sealed class PhoneCallTests
{
    private const string PhoneId = "ph_alice";

    /// <summary>The number <see cref="B2buaFixture.Invite"/> calls.</summary>
    private const string Number = "442071234567";

    [Fact]
    public async Task A_call_to_a_phone_goes_to_the_source_it_registered_from_not_its_private_contact()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port), router: Router(contacts));
        contacts.Set(Contact("sip:alice@192.168.1.20:5060", rig.Vendor.Port));

        var (dialog, _) = await rig.ConnectAsync();

        var invite = await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the phone");
        Assert.Equal("sip:alice@192.168.1.20:5060", invite.Uri.ToString());
        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal((PhoneId, 200), (cdr.Attempts.Single().RoutingGatewayId, cdr.Attempts.Single().ResponseCode));
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_contact_ringing_past_Timer_C_is_cancelled_and_the_next_contact_rings()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port), router: Router(contacts));
        await using var deskPhone = new LoopbackPeer("desk", rig.Clock) { InviteAnswer = new InviteAnswer { RingOnly = true } };
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", deskPhone.Port, q: 1), Contact("sip:alice@10.0.0.6:5060", rig.Vendor.Port, q: 0.5));

        var invite = rig.Invite();
        var answered = rig.Caller.SendAsync(invite, rig.SwitchEndPoint);
        await deskPhone.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE to the desk phone");
        await rig.Caller.Provisionals.WaitAsync(r => r.StatusCode == 180, "ringing");
        await rig.Clock.ArmedForAsync(new B2buaOptions().TimerC);
        rig.Clock.AdvanceTo(new B2buaOptions().TimerC - TimeSpan.FromSeconds(1));
        Assert.Equal(0, rig.Vendor.Requests.Count(r => r.Method == SipMethods.Invite));

        rig.Clock.AdvanceTo(new B2buaOptions().TimerC);

        await deskPhone.Cancels.WaitAsync(_ => true, "CANCEL to the desk phone");
        Assert.Equal(200, (await answered).StatusCode);
        var dialog = PeerDialog.AsCaller(invite, await answered, rig.SwitchEndPoint, rig.Caller.Contact);
        await rig.Caller.AckAsync(dialog, invite.CSeq.Number);
        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal([408, 200], cdr.Attempts.Select(a => a.ResponseCode));
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_call_to_an_offline_phone_goes_to_its_redirect_gateway()
    {
        await using var rig = new B2buaFixture(port => Snapshot(port, redirect: LoopbackTrunks.RoutingGateway), router: Router(new FixedContacts()));

        var (dialog, _) = await rig.ConnectAsync();

        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal(LoopbackTrunks.RoutingGateway, cdr.Attempts.Single().RoutingGatewayId);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_call_to_an_offline_phone_without_a_redirect_gateway_is_answered_480()
    {
        await using var rig = new B2buaFixture(port => Snapshot(port), router: Router(new FixedContacts()));

        var response = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(480, response.StatusCode);
        Assert.Contains("Phone not registered", response.Headers["Reason"]);
        Assert.Equal(0, rig.Vendor.Requests.Count(_ => true));
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_6xx_from_one_contact_ends_the_search()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port), router: Router(contacts));
        await using var mobile = new LoopbackPeer("mobile", rig.Clock);
        contacts.Set(Contact("sip:alice@10.0.0.5:5060", rig.Vendor.Port), Contact("sip:alice@10.0.0.6:5060", mobile.Port, q: 0.1));
        rig.Vendor.InviteAnswer = new InviteAnswer { Status = 603 };

        var response = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(603, response.StatusCode);
        Assert.Equal(0, mobile.Requests.Count(_ => true));
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task Other_numbers_still_take_the_tenant_routes()
    {
        var contacts = new FixedContacts();
        await using var rig = new B2buaFixture(port => Snapshot(port, number: "999"), router: Router(contacts));

        var (dialog, _) = await rig.ConnectAsync();

        await rig.HangUpAsync(dialog);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal(LoopbackTrunks.RoutingGateway, cdr.Attempts.Single().RoutingGatewayId);
        Assert.Equal(0, contacts.Lookups);
    }

    private static ICallRouter Router(IPhoneContacts contacts) => new PhoneCallRouter(PrefixCallRouter.Instance, contacts);

    private static PhoneContact Contact(string uri, int port, double q = 1) =>
        new(SipUri.Parse(uri), SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, port)), q);

    private static SwitchConfigSnapshot Snapshot(int vendorPort, string number = Number, string? redirect = null)
    {
        var rows = new ConfigRows()
            .Tenant(LoopbackTrunks.Tenant)
            .Account(LoopbackTrunks.Tenant, "acc_customer")
            .Account(LoopbackTrunks.Tenant, "acc_vendor")
            .Mapping(LoopbackTrunks.Tenant, "acc_customer", LoopbackTrunks.MappingGateway, ["127.0.0.1"])
            .Routing(LoopbackTrunks.Tenant, "acc_vendor", LoopbackTrunks.RoutingGateway)
            .DefaultRouteToAll(LoopbackTrunks.Tenant)
            .Phone(LoopbackTrunks.Tenant, "acc_customer", PhoneId, "alice")
            .Build();
        var vendor = rows.RoutingGateways.Single();
        vendor.Host = "127.0.0.1";
        vendor.Port = vendorPort;
        var phone = rows.Phones.Single();
        phone.Number = number;
        phone.OfflineRedirectGatewayId = redirect;
        return SwitchConfigSnapshot.Create(1, rows);
    }
}
