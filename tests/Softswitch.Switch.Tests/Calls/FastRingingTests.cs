namespace Softswitch.Switch.Tests.Calls;

/// <summary>A vendor that rings within a millisecond of the INVITE: the caller must still see the ringing.</summary>
public sealed class FastRingingTests
{
    [Fact]
    public async Task A_180_sent_at_once_by_the_vendor_reaches_the_caller_on_every_call()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new InviteAnswer { RingFirst = true };
        const int Calls = 1_000;
        const int Concurrent = 20;
        var callIds = new List<string>();

        for (var placed = 0; placed < Calls; placed += Concurrent)
        {
            var invites = Enumerable.Range(0, Concurrent).Select(_ => rig.Invite()).ToList();
            callIds.AddRange(invites.Select(invite => invite.CallId));
            var connected = await Task.WhenAll(invites.Select(invite => rig.ConnectAsync(invite)));
            await Task.WhenAll(connected.Select(call => rig.HangUpAsync(call.Dialog)));
        }

        var ringing = rig.Caller.Provisionals.Items.Where(r => r.StatusCode == 180).Select(r => r.CallId).ToHashSet();
        var unheard = callIds.Count(id => !ringing.Contains(id));
        Assert.Equal(0, unheard);
        await rig.AssertCallsReleasedAsync();
    }
}
