using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// A hand-built OPTIONS from one loopback address, and the switch's answer or its silence: what a banned source sees.
/// </summary>
internal sealed class SipProbe(string localAddress, IPEndPoint server) : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Parse(localAddress), 0));

    /// <summary>The status line of the answer, or null when none came within <paramref name="wait"/>.</summary>
    public async Task<string?> OptionsAsync(TimeSpan wait, string userAgent = "probe/1.0")
    {
        var local = (IPEndPoint)_socket.Client.LocalEndPoint!;
        var callId = Guid.NewGuid().ToString("n");
        var request = string.Join("\r\n",
            $"OPTIONS sip:probe@{server} SIP/2.0",
            $"Via: SIP/2.0/UDP {local};branch=z9hG4bK{callId}",
            "Max-Forwards: 70",
            $"From: <sip:probe@{local.Address}>;tag={callId[..8]}",
            $"To: <sip:probe@{server}>",
            $"Call-ID: {callId}",
            "CSeq: 1 OPTIONS",
            $"User-Agent: {userAgent}",
            "Content-Length: 0",
            "",
            "");
        await _socket.SendAsync(Encoding.ASCII.GetBytes(request), server);
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var reply = Encoding.ASCII.GetString((await _socket.ReceiveAsync(timeout.Token)).Buffer);
                if (reply.Contains(callId, StringComparison.Ordinal))
                {
                    return reply[..reply.IndexOf('\r', StringComparison.Ordinal)];
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Sends an INVITE to <paramref name="callee"/> with <paramref name="userAgent"/>, as a scanner testing a number does; waits for nothing.</summary>
    public async Task InviteAsync(string callee, string userAgent)
    {
        var local = (IPEndPoint)_socket.Client.LocalEndPoint!;
        var callId = Guid.NewGuid().ToString("n");
        var request = string.Join("\r\n",
            $"INVITE sip:{callee}@{server} SIP/2.0",
            $"Via: SIP/2.0/UDP {local};branch=z9hG4bK{callId}",
            "Max-Forwards: 70",
            $"From: <sip:100@{local.Address}>;tag={callId[..8]}",
            $"To: <sip:{callee}@{server}>",
            $"Call-ID: {callId}",
            "CSeq: 1 INVITE",
            $"Contact: <sip:100@{local}>",
            $"User-Agent: {userAgent}",
            "Content-Length: 0",
            "",
            "");
        await _socket.SendAsync(Encoding.ASCII.GetBytes(request), server);
    }

    /// <summary>Sends up to <paramref name="limit"/> OPTIONS one after another and answers how many were answered before the first silence.</summary>
    public async Task<int> AnsweredInARowAsync(int limit, TimeSpan wait)
    {
        for (var answered = 0; answered < limit; answered++)
        {
            if (await OptionsAsync(wait) is null)
            {
                return answered;
            }
        }

        return limit;
    }

    public void Dispose() => _socket.Dispose();
}
