using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>
/// Non-INVITE transactions in Completed (RFC 3261 §17.1.2.2, §17.2.2) keep answering or absorbing retransmissions
/// for Timer J or K without keeping the transaction object, and so without its parsed messages.
/// </summary>
public sealed class CompletedTransactionTests
{
    [Fact]
    public void An_answered_request_keeps_only_its_response_until_timer_J()
    {
        var f = new TransactionFixture(autoAnswer: 200);
        var transaction = AnswerAndLetGo(f);
        CollectGarbage();

        Assert.False(transaction.IsAlive);
        Assert.Equal(1, f.Layer.TransactionCount);
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        Assert.Equal([200, 200], f.Transport.Responses.Select(r => r.StatusCode));
        Assert.Equal(f.Transport.Responses[0].To.Tag, f.Transport.Responses[1].To.Tag);
    }

    [Fact]
    public void A_merged_request_during_timer_J_still_gets_482()
    {
        var f = new TransactionFixture(autoAnswer: 200);
        f.Layer.OnMessage(f.Incoming(branch: "z9hG4bKpath1"), f.Transport.Peer);
        f.Layer.OnMessage(f.Incoming(branch: "z9hG4bKpath2"), f.Transport.Peer);
        Assert.Equal([200, 482], f.Transport.Responses.Select(r => r.StatusCode));

        f.Advance(new SipTransactionOptions().TimerJ);
        f.Layer.OnMessage(f.Incoming(branch: "z9hG4bKpath3"), f.Transport.Peer);
        Assert.Equal(200, f.Transport.Responses[^1].StatusCode);
    }

    [Fact]
    public void A_failed_send_of_the_answer_ends_the_transaction_and_returns_the_sources_share()
    {
        var clock = new FakeTimeProvider();
        var layer = new SipTransactionLayer(new UnreachableTransport(), new SipTransactionOptions { MaxServerTransactionsPerSource = 1 }, clock);
        var user = new RecordingUser(autoAnswer: 200);
        layer.Attach(user);
        var f = new TransactionFixture();

        layer.OnMessage(f.Incoming(branch: "z9hG4bKfirst"), f.Transport.Peer);
        Assert.Equal(0, layer.TransactionCount);
        layer.OnMessage(f.Incoming(branch: "z9hG4bKsecond", callId: "c2@example.com"), f.Transport.Peer);
        Assert.Equal(2, user.Requests.Count);
        Assert.Equal(0, layer.ServerTransactionsRefused);
    }

    [Fact]
    public async Task A_completed_client_transaction_absorbs_retransmitted_finals_until_timer_K_only()
    {
        var f = new TransactionFixture();
        var (transaction, final) = await SendAnswerAndLetGoAsync(f);
        CollectGarbage();

        Assert.False(transaction.IsAlive);
        Assert.Equal(1, f.Layer.TransactionCount);
        f.Deliver(final);
        Assert.Empty(f.User.StrayResponses);

        f.Advance(new SipTransactionOptions().T4);
        Assert.Equal(0, f.Layer.TransactionCount);
        f.Deliver(final);
        Assert.Single(f.User.StrayResponses);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AnswerAndLetGo(TransactionFixture f)
    {
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        var transaction = new WeakReference(Assert.Single(f.User.Requests));
        f.User.Requests.Clear();
        return transaction;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference Transaction, SipResponse Final)> SendAnswerAndLetGoAsync(TransactionFixture f)
    {
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Bye), f.Transport.Peer);
        var final = f.ResponseTo(transaction.Request, 200);
        f.Deliver(final);
        await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        return (new WeakReference(transaction), final);
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed class UnreachableTransport : ISipTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public IPEndPoint AdvertisedEndPoint => LocalEndPoint;

        public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new SocketException((int)SocketError.NetworkUnreachable));

        public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) =>
            SendAsync(response, requestSource, cancellationToken);

        public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new SocketException((int)SocketError.NetworkUnreachable));
    }
}
