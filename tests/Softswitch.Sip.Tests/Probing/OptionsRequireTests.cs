using Softswitch.Sip.Messages;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Tests.Transactions;
using Xunit;

namespace Softswitch.Sip.Tests.Probing;

/// <summary>RFC 3261 §8.2.2.3 for OPTIONS (RFC 4475 §3.3.5): an option tag in Require that we lack gets 420, not 200.</summary>
public sealed class OptionsRequireTests
{
    [Fact]
    public void Options_requiring_unknown_extensions_gets_420_naming_each_of_them()
    {
        var response = Answer("Require: nothingSupportsThis, nothingSupportsThisEither\r\nProxy-Require: noProxiesSupportThis\r\n");

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers[SipHeaderKind.Unsupported]);
        Assert.Null(response.Headers[SipHeaderKind.Allow]);
    }

    [Fact]
    public void Options_requiring_only_a_supported_extension_gets_200_and_proxy_require_is_not_ours_to_check()
    {
        var response = Answer("Require: TIMER\r\nProxy-Require: noProxiesSupportThis\r\n");

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Headers[SipHeaderKind.Unsupported]);
    }

    [Fact]
    public void Only_the_unsupported_tags_of_a_mixed_require_are_named()
    {
        var response = Answer("Require: timer\r\nRequire: 100rel\r\n");

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("100rel", response.Headers[SipHeaderKind.Unsupported]);
    }

    private static SipResponse Answer(string extraHeaders)
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(extraHeaders: extraHeaders), f.Transport.Peer);
        SipOptionsResponder.Default.Respond(f.User.Requests[0]);
        return Assert.Single(f.Transport.Responses);
    }
}
