using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Redirect;

namespace Softswitch.Switch.Tests.Redirect;

/// <summary>A SIP routing server that never answers: its queries end at their timeout, and so do their transactions.</summary>
public sealed class SilentRoutingServerTests
{
    private const int Queries = 50;

    [Fact]
    public async Task Queries_to_a_silent_server_leave_no_client_transaction_and_no_retransmission_after_their_timeout()
    {
        var clock = new FakeTimeProvider();
        var transport = new CountingTransport();
        var layer = new SipTransactionLayer(transport, new SipTransactionOptions(), clock);
        var client = new SipRoutingServerClient(layer, new SwitchAddress(transport), new GatewayAddressResolver(clock), new B2buaOptions());
        var server = RoutingServer.TryCreate("sip:192.0.2.10:5060", TimeSpan.FromMilliseconds(1500))!;
        var timeouts = Enumerable.Range(0, Queries).Select(_ => new CancellationTokenSource(server.Timeout, clock)).ToList();

        var answers = timeouts.Select(timeout => client.AskAsync(server, Query(), [], timeout.Token)).ToList();
        Advance(clock, TimeSpan.FromSeconds(1.6));
        var answered = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.All(answered, a => Assert.Equal((RoutingServerVerdict.Failed, 408), (a.Verdict, a.StatusCode)));
        Assert.Equal(0, layer.ClientTransactionCount);
        var sent = transport.Sent;
        Advance(clock, TimeSpan.FromSeconds(40));
        Assert.Equal(sent, transport.Sent);
        Assert.Equal(0, layer.TransactionCount);
        timeouts.ForEach(t => t.Dispose());
    }

    private static RoutingQuery Query()
    {
        var uri = SipUri.Parse("sip:442071234567@127.0.0.1:5060");
        var invite = SipRequest.Create(
            SipMethods.Invite, uri, new SipNameAddress { Uri = SipUri.Parse("sip:15550001111@127.0.0.1") }.WithTag("t1"),
            new SipNameAddress { Uri = uri }, Guid.NewGuid().ToString("n"), 1);
        return new RoutingQuery("cdr-1", "15550001111", "442071234567", "127.0.0.1", "account-1", "trunk-1", null, invite);
    }

    /// <summary>Moves the clock in small steps so every due timer fires at its time.</summary>
    private static void Advance(FakeTimeProvider clock, TimeSpan total)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += TimeSpan.FromMilliseconds(100))
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Counts what the layer sends; nothing ever answers.</summary>
    private sealed class CountingTransport : ISipTransport
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public IPEndPoint AdvertisedEndPoint => LocalEndPoint;

        public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _sent);
            return ValueTask.CompletedTask;
        }

        public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) =>
            SendAsync(response, requestSource, cancellationToken);

        public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _sent);
            return ValueTask.CompletedTask;
        }
    }
}
