using Softswitch.Sip.Messages;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Tests.Transactions;
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
}
