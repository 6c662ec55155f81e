using System.Net.Sockets;
using Softswitch.Interop.Tests.Infrastructure;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>
/// The ports one SIPp process binds on 127.0.0.1: SIP (<c>-p</c>) on <see cref="SipProtocol"/>, remote control
/// (<c>-cp</c>) and RTP (<c>-mp</c>).
/// </summary>
internal readonly record struct SippPorts(ProtocolType SipProtocol, int Sip, int Control, int Media)
{
    public bool SipIsBound => LoopbackPorts.IsBound(SipProtocol, Sip);

    public static SippPorts Allocate(SippTransport transport)
    {
        var sipProtocol = transport == SippTransport.Tcp ? ProtocolType.Tcp : ProtocolType.Udp;
        return new(sipProtocol, LoopbackPorts.Free(sipProtocol), LoopbackPorts.Free(ProtocolType.Udp), LoopbackPorts.FreeMediaPair());
    }
}
