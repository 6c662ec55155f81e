using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>Every way a new INVITE can be refused gives back whatever admission took: the active-call count returns to zero.</summary>
public sealed class AdmissionCounterLeakTests
{
    [Fact]
    public async Task A_thousand_invites_with_a_malformed_contact_get_400_leave_no_active_call_and_a_valid_call_still_connects()
    {
        await using var rig = new B2buaFixture();
        const int Invites = 1_000;
        const int Batch = 50;
        for (var sent = 0; sent < Invites; sent += Batch)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, Batch).Select(_ => rig.Caller.SendAsync(MalformedContact(rig), rig.SwitchEndPoint)));
            Assert.All(responses, response => Assert.Equal(400, response.StatusCode));
        }

        Assert.Equal(0, rig.B2bua.Counters.ActiveCalls);
        Assert.Equal(Invites, rig.B2bua.Counters.MalformedInvites);

        var (caller, _) = await rig.ConnectAsync();
        Assert.Equal(1, rig.B2bua.Counters.ActiveCalls);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task Every_refusal_path_returns_the_counters_to_zero()
    {
        await using var rig = new B2buaFixture();
        var refusals = new (Func<SipRequest> Invite, int Status)[]
        {
            (() => MalformedContact(rig), 400),
            (() => With(rig.Invite(), SipHeaderKind.RecordRoute, "<sip:proxy.example.net;lr"), 400),
            (() => With(rig.Invite(), SipHeaderKind.Require, "100rel"), 420),
            (() => With(rig.Invite(), "Session-Expires", "30"), 422),
            (() => WithMaxForwards(rig.Invite(), 0), 483),
        };

        foreach (var (invite, status) in refusals)
        {
            Assert.Equal(status, (await rig.Caller.SendAsync(invite(), rig.SwitchEndPoint)).StatusCode);
        }

        Assert.Equal(0, rig.B2bua.Counters.ActiveCalls);
        Assert.Equal(0, rig.B2bua.Counters.CallsAccepted);
        await rig.AssertCallsReleasedAsync();
    }

    private static SipRequest MalformedContact(B2buaFixture rig)
    {
        var invite = rig.Invite();
        invite.Headers.Set(SipHeaderKind.Contact, "<sip:caller@127.0.0.1");
        return invite;
    }

    private static SipRequest With(SipRequest invite, SipHeaderKind header, string value)
    {
        invite.Headers.Add(header, value);
        return invite;
    }

    private static SipRequest With(SipRequest invite, string header, string value)
    {
        invite.Headers.Add(header, value);
        return invite;
    }

    private static SipRequest WithMaxForwards(SipRequest invite, int hops)
    {
        invite.MaxForwards = hops;
        return invite;
    }
}
