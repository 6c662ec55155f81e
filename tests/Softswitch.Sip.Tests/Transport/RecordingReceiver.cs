using System.Threading.Channels;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>Collects received messages so a test can await them with a timeout.</summary>
public sealed class RecordingReceiver : ISipMessageReceiver
{
    private readonly Channel<(SipMessage Message, SipEndPoint Source)> _messages = Channel.CreateUnbounded<(SipMessage, SipEndPoint)>();

    public void OnMessage(SipMessage message, SipEndPoint source) => _messages.Writer.TryWrite((message, source));

    public async Task<(SipMessage Message, SipEndPoint Source)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _messages.Reader.ReadAsync(timeout.Token);
    }
}
