using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Probing;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>Two full stacks (transport + transaction layer) talking over loopback sockets.</summary>
public sealed class EndToEndTests
{
    private sealed class OptionsUser : ISipTransactionUser
    {
        public void OnRequest(SipServerTransaction transaction) => SipOptionsResponder.Default.Respond(transaction);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task Options_through_client_and_server_transactions_gets_200(SipTransportProtocol protocol)
    {
        var options = new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0) };
        await using var serverTransport = new SipTransport(options);
        await using var clientTransport = new SipTransport(options);
        var server = new SipTransactionLayer(serverTransport);
        var client = new SipTransactionLayer(clientTransport);
        server.Attach(new OptionsUser());
        client.Attach(new OptionsUser());
        serverTransport.Start(server);
        clientTransport.Start(client);

        var uri = SipUri.Parse($"sip:ping@127.0.0.1:{serverTransport.LocalEndPoint.Port}");
        var request = SipRequest.Create(SipMethods.Options, uri, new SipNameAddress { Uri = SipUri.Parse("sip:probe@example.com") }.WithTag("p"),
            new SipNameAddress { Uri = uri }, SipIdentifiers.NewCallId("example.com"), 1);
        var transaction = client.SendRequest(request, new SipEndPoint(protocol, serverTransport.LocalEndPoint));

        var response = await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(200, response.StatusCode);
        Assert.False(response.IsLocal);
        Assert.Equal("127.0.0.1", response.TopVia.Received);
        Assert.Contains(SipMethods.Invite, response.Headers[SipHeaderKind.Allow], StringComparison.Ordinal);
        if (protocol == SipTransportProtocol.Tcp)
        {
            // Reliable transports need no Timer J/K: both sides end their transactions right after the final response.
            for (var i = 0; i < 100 && server.TransactionCount + client.TransactionCount > 0; i++)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            Assert.Equal(0, server.TransactionCount);
            Assert.Equal(0, client.TransactionCount);
        }
    }
}
