using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Tests.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Probing;

public sealed class OptionsTests
{
    [Fact]
    public void Options_is_answered_with_allow_accept_and_supported()
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        SipOptionsResponder.Default.Respond(f.User.Requests[0]);
        var response = Assert.Single(f.Transport.Responses);
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Headers[SipHeaderKind.Allow], StringComparison.Ordinal);
        Assert.Equal("application/sdp", response.Headers[SipHeaderKind.Accept]);
        Assert.Equal("timer", response.Headers[SipHeaderKind.Supported]);
    }

    [Fact]
    public async Task Pinger_reports_up_on_any_answer_and_down_on_timeout()
    {
        var f = new TransactionFixture();
        var target = new SipOptionsTarget(f.Transport.Peer, SipUri.Parse("sip:gw@127.0.0.1:5080"));
        var changes = new List<SipOptionsStatus>();
        using var pinger = new SipOptionsPinger(f.Layer, [target], new SipNameAddress { Uri = SipUri.Parse("sip:ping@example.com") }, TimeSpan.FromSeconds(60));
        pinger.StatusChanged += s =>
        {
            lock (changes)
            {
                changes.Add(s);
            }
        };

        var probe = Assert.Single(f.Transport.Requests);
        f.Deliver(f.ResponseTo(probe, 405));
        await WaitForAsync(() => changes.Count == 1);
        Assert.True(changes[0].IsUp);

        f.Advance(TimeSpan.FromSeconds(60));
        f.Advance(TimeSpan.FromSeconds(33)); // the second probe is never answered: Timer F
        await WaitForAsync(() => changes.Count == 2);
        Assert.False(changes[1].IsUp);
        Assert.Equal(408, changes[1].StatusCode);
        Assert.False(pinger.IsUp(target));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
