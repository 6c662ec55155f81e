using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Phones;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Phones;

public sealed class RegisteredPhoneContactsTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Contacts_come_best_q_first_each_with_the_source_it_registered_from()
    {
        using var bindings = new SipBindingStore(_clock);
        Register(bindings, "<sip:alice@10.0.0.1:5060>;q=0.2", 40001, "c1");
        Register(bindings, "<sip:alice@10.0.0.2:5060>", 40002, "c2");
        Register(bindings, "<sip:alice@10.0.0.3:5060>;q=0.7", 40003, "c3");
        var snapshot = Snapshot();

        var contacts = new RegisteredPhoneContacts(bindings).Find(snapshot.Tenants["t"], snapshot.FindPhone("t.example", "alice")!);

        Assert.Equal(["10.0.0.2", "10.0.0.3", "10.0.0.1"], contacts.Select(c => c.Uri.Host));
        Assert.Equal([40002, 40003, 40001], contacts.Select(c => c.Source.EndPoint.Port));
    }

    [Fact]
    public void Another_tenants_phone_of_the_same_user_name_has_none_of_these_contacts()
    {
        using var bindings = new SipBindingStore(_clock);
        Register(bindings, "<sip:alice@10.0.0.1:5060>", 40001, "c1");
        var snapshot = Snapshot();

        var contacts = new RegisteredPhoneContacts(bindings).Find(snapshot.Tenants["u"], snapshot.FindPhone("u.example", "alice")!);

        Assert.Empty(contacts);
    }

    private static void Register(SipBindingStore bindings, string contact, int port, string callId) =>
        bindings.Apply(
            "t.example", "alice", [(SipNameAddress.Parse(contact), TimeSpan.FromMinutes(5))], callId, 1,
            SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("203.0.113.9"), port)), 10);

    private static Softswitch.Switch.Config.SwitchConfigSnapshot Snapshot() => new ConfigRows()
        .Tenant("t", "t.example").Account("t", "a").Phone("t", "a", "ph_t", "alice")
        .Tenant("u", "u.example").Account("u", "b").Phone("u", "b", "ph_u", "alice")
        .Snapshot();
}
