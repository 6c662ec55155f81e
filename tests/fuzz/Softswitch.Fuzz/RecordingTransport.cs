using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Serialization;
using Softswitch.Sip.Transport;

namespace Softswitch.Fuzz;

/// <summary>
/// Stands in for the sockets: every message the switch sends is serialized (so the serializer is fuzzed too) and the
/// final responses are counted, so an input's handling can be waited for.
/// </summary>
internal sealed class RecordingTransport : ISipTransport
{
    private int _finalResponses;

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

    public IPEndPoint AdvertisedEndPoint { get; } = new(IPAddress.Loopback, 5060);

    public int FinalResponses => Volatile.Read(ref _finalResponses);

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        _ = SipSerializer.ToArray(message);
        return ValueTask.CompletedTask;
    }

    public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default)
    {
        _ = SipSerializer.ToArray(response);
        if (response.StatusCode >= 200)
        {
            Interlocked.Increment(ref _finalResponses);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The transaction layer sends only final responses in serialized form (first copies and retransmissions).</summary>
    public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _finalResponses);
        return ValueTask.CompletedTask;
    }
}
