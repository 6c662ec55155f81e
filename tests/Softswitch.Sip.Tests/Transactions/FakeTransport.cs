using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>Records what the transaction layer sends, stamped with the fake clock's time.</summary>
public sealed class FakeTransport(TimeProvider clock, SipTransportProtocol protocol = SipTransportProtocol.Udp) : ISipTransport
{
    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

    public IPEndPoint AdvertisedEndPoint { get; init; } = new(IPAddress.Loopback, 5060);

    public List<(TimeSpan At, SipMessage Message, SipEndPoint Destination)> Sent { get; } = [];

    public SipEndPoint Peer { get; } = new(protocol, new IPEndPoint(IPAddress.Loopback, 5080));

    private readonly DateTimeOffset _start = clock.GetUtcNow();

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add((clock.GetUtcNow() - _start, message, destination));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) =>
        SendAsync(response, requestSource, cancellationToken);

    /// <summary>Parsed back, so tests see what went out on the wire as a message.</summary>
    public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default) =>
        SendAsync(SipParser.Default.Parse(message.Span, SipFraming.Datagram).Message!, destination, cancellationToken);

    public IReadOnlyList<SipResponse> Responses => Sent.Select(s => s.Message).OfType<SipResponse>().ToList();

    public IReadOnlyList<SipRequest> Requests => Sent.Select(s => s.Message).OfType<SipRequest>().ToList();
}
