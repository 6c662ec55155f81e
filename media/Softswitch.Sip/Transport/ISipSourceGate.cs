using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>
/// The anti-fraud layer's say in intake, implemented by the switch (this assembly does not know it). A source the
/// gate refuses gets no answer at all: its input is dropped and counted (<see cref="SipTransportCounters.BannedDropped"/>).
/// Both calls run on the receive loops, so they must be quick and must not block.
/// </summary>
public interface ISipSourceGate
{
    /// <summary>Before parsing: every datagram, every accepted TCP connection and every TCP frame. False drops it.</summary>
    bool Admit(IPAddress source);

    /// <summary>After parsing and validation, before the transaction layer: every request. False drops it.</summary>
    bool Inspect(SipRequest request, IPAddress source);
}
