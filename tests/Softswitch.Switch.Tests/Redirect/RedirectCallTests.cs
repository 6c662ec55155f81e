using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Domain;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Redirect;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests.Redirect;

/// <summary>A call whose routing server is being asked: the caller may give up meanwhile.</summary>
public sealed class RedirectCallTests
{
    [Fact]
    public async Task A_cancel_while_the_routing_server_is_asked_ends_the_call_with_487_and_its_cdr_and_abandons_the_query()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var profiles = new RedirectProfileSource();
        profiles.Publish(RedirectProfiles.Create(
        [
            new RedirectProfile
            {
                TenantId = LoopbackTrunks.Tenant, DeadlineMilliseconds = 10_000,
                Servers = [new RedirectServer { Uri = $"sip:127.0.0.1:{((IPEndPoint)silent.Client.LocalEndPoint!).Port}", TimeoutMilliseconds = 10_000 }],
            },
        ]));
        await using var rig = new B2buaFixture(redirectProfiles: profiles);
        var invite = rig.Invite();

        var answering = rig.Caller.SendAsync(invite, rig.SwitchEndPoint);
        var query = await silent.ReceiveAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.StartsWith("INVITE sip:442071234567@127.0.0.1:", Encoding.ASCII.GetString(query.Buffer), StringComparison.Ordinal);
        await rig.Caller.RetransmitAsync(SipAckBuilder.Cancel(invite), rig.SwitchEndPoint);
        var final = await answering;

        Assert.Equal(487, final.StatusCode);
        await rig.AssertCallsReleasedAsync();
        var cdr = Assert.Single(rig.Cdrs.Finals.Items);
        Assert.Equal(487, cdr.FinalCode);
        Assert.Empty(cdr.Attempts);
        Assert.Empty(rig.Vendor.Requests.Items);
        Assert.Equal(1, rig.B2bua.RedirectCounters!.Queries);
    }
}
