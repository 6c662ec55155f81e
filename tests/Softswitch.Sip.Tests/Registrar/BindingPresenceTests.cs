using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Registrar;

public sealed class BindingPresenceTests : IDisposable
{
    private static readonly SipEndPoint Source = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40123));
    private readonly FakeTimeProvider _clock = new();
    private readonly SipBindingStore _store;
    private readonly List<AorPresence> _changes = [];
    private uint _cseq;

    public BindingPresenceTests()
    {
        _store = new SipBindingStore(_clock);
        _store.PresenceChanged += _changes.Add;
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void The_first_binding_is_online_and_refreshes_or_more_contacts_raise_nothing()
    {
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(5));
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(5));
        Register("sip:alice@10.0.0.9:5060", TimeSpan.FromMinutes(5));

        var online = Assert.Single(_changes);
        Assert.Equal(("example.com", "alice", true, AorPresenceCause.Registered), (online.Domain, online.User, online.Online, online.Cause));
    }

    [Fact]
    public void Removing_the_last_contact_with_expires_0_is_offline_unregistered()
    {
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(5));
        Register("sip:alice@10.0.0.9:5060", TimeSpan.FromMinutes(5));
        Register("sip:alice@192.168.1.20:5060", TimeSpan.Zero);
        Assert.Single(_changes);

        Register("sip:alice@10.0.0.9:5060", TimeSpan.Zero);

        Assert.Equal([true, false], _changes.Select(c => c.Online));
        Assert.Equal(AorPresenceCause.Unregistered, _changes[^1].Cause);
    }

    [Fact]
    public void Wildcard_removal_is_offline_unregistered()
    {
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(5));

        _store.RemoveAll("EXAMPLE.com", "alice");

        Assert.Equal((false, AorPresenceCause.Unregistered), (_changes[^1].Online, _changes[^1].Cause));
    }

    [Fact]
    public void Expiry_is_found_by_the_timer_without_any_lookup()
    {
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(2));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(2));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(_changes);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(_changes);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((false, AorPresenceCause.Expired), (_changes[^1].Online, _changes[^1].Cause));
        Assert.Equal(_clock.GetUtcNow(), _changes[^1].At);
    }

    [Fact]
    public void Each_aor_expires_on_its_own_time()
    {
        Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(3));
        Register("sip:bob@192.168.1.21:5060", TimeSpan.FromMinutes(1), user: "bob");

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(("bob", false), (_changes[^1].User, _changes[^1].Online));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(("alice", false), (_changes[^1].User, _changes[^1].Online));
        Assert.Equal(4, _changes.Count);
    }

    [Fact]
    public void A_flapping_phone_keeps_one_pending_expiry_check()
    {
        for (var i = 0; i < 100; i++)
        {
            Register("sip:alice@192.168.1.20:5060", TimeSpan.FromMinutes(5));
            Register("sip:alice@192.168.1.20:5060", TimeSpan.Zero);
        }

        Assert.Equal(200, _changes.Count);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(200, _changes.Count);
        Assert.Equal(0, _store.Count);
    }

    private void Register(string contact, TimeSpan expires, string user = "alice") =>
        Assert.Equal(BindingChange.Applied, _store.Apply(
            "example.com", user, [(new SipNameAddress { Uri = SipUri.Parse(contact) }, expires)], "call-" + user, ++_cseq, Source, 10));
}
