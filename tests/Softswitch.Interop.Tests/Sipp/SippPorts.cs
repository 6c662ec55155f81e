namespace Softswitch.Interop.Tests.Sipp;

/// <summary>The ports one SIPp process binds on 127.0.0.1: SIP (<c>-p</c>), remote control (<c>-cp</c>) and RTP (<c>-mp</c>).</summary>
internal readonly record struct SippPorts(int Sip, int Control, int Media)
{
    public static SippPorts Allocate(SippTransport transport) =>
        new(LoopbackPorts.Free(transport), LoopbackPorts.Free(SippTransport.Udp), LoopbackPorts.FreeMediaPair());
}
