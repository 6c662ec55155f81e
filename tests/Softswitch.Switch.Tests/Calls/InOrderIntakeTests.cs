using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>The switch reads its port through several receive loops; one call's requests must still be handled in order.</summary>
public sealed class InOrderIntakeTests
{
    [Fact]
    public async Task A_burst_of_in_dialog_requests_and_the_bye_is_relayed_in_order_over_several_receive_loops()
    {
        await using var rig = new B2buaFixture();
        var (caller, _) = await rig.ConnectAsync();
        const int Burst = 40;
        var requests = new List<SipRequest>();
        for (var i = 0; i < Burst; i++)
        {
            requests.Add(caller.Request(SipMethods.Info));
        }

        requests.Add(caller.Request(SipMethods.Bye));

        var responses = await Task.WhenAll(requests.Select(request => rig.Caller.SendAsync(caller, request)));

        // A request handled before an earlier one would get 500 "CSeq out of order" (RFC 3261 §12.2.2).
        Assert.All(responses, response => Assert.Equal(200, response.StatusCode));
        await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Bye, "BYE at the vendor");
        var relayed = rig.Vendor.Requests.Items.Where(r => r.Method is SipMethods.Info or SipMethods.Bye).ToList();
        Assert.Equal(Burst + 2, relayed.Count);
        Assert.Equal(SipMethods.Bye, relayed[^1].Method);
        Assert.Equal(relayed.Select(r => r.CSeq.Number).Order(), relayed.Select(r => r.CSeq.Number));
        await rig.AssertCallsReleasedAsync();
    }
}
