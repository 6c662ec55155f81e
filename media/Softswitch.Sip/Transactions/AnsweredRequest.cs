using System.Net;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// A non-INVITE server transaction in Completed on an unreliable transport (RFC 3261 §17.2.2, Figure 8), reduced to
/// what that state needs until Timer J: the final response as the bytes that were sent and where they went. The parsed
/// request and response stay with the TU's transaction object and are released with it, so a BYE answered a moment ago
/// costs a few hundred bytes for its 32 s instead of two parsed messages.
/// </summary>
internal sealed class AnsweredRequest(
    SipTransactionKey key, ReadOnlyMemory<byte> response, SipEndPoint destination, IPAddress source, UntaggedRequestKey? untagged)
{
    public SipTransactionKey Key { get; } = key;

    public ReadOnlyMemory<byte> Response { get; } = response;

    public SipEndPoint Destination { get; } = destination;

    /// <summary>The request's source address, whose share of live server transactions this still holds.</summary>
    public IPAddress Source { get; } = source;

    public UntaggedRequestKey? Untagged { get; } = untagged;
}
