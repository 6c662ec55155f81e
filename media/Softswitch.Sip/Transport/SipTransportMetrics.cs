using System.Diagnostics.Metrics;

namespace Softswitch.Sip.Transport;

/// <summary>
/// The transport's counters as <see cref="System.Diagnostics.Metrics"/> instruments on the <c>Softswitch.Sip.Transport</c>
/// meter (read by <c>dotnet-counters</c>, exportable by OpenTelemetry). Every instrument is observable: it reads the
/// counters the transport keeps anyway, so intake pays nothing for being measured.
/// </summary>
public static class SipTransportMetrics
{
    public const string MeterName = "Softswitch.Sip.Transport";

    public static Meter Create(IMeterFactory factory, SipTransport transport)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(transport);
        var counters = transport.Counters;
        var meter = factory.Create(MeterName);
        meter.CreateObservableCounter("softswitch.sip.messages.received", () => counters.MessagesReceived, "{message}", "Well-formed messages handed to the transaction layer");
        meter.CreateObservableCounter("softswitch.sip.messages.sent", () => counters.MessagesSent, "{message}");
        meter.CreateObservableCounter("softswitch.sip.malformed", () => new[]
        {
            new Measurement<long>(counters.MalformedAnswered, new KeyValuePair<string, object?>("outcome", "answered")),
            new Measurement<long>(counters.MalformedDropped, new KeyValuePair<string, object?>("outcome", "dropped")),
        }, "{message}", "Malformed input, answered with 4xx or dropped");
        meter.CreateObservableCounter("softswitch.sip.udp.kernel_drops", () => UdpSocketDrops.Read(transport.LocalEndPoint.Port), "{datagram}",
            "Datagrams the kernel dropped on the UDP socket (receive buffer full), from /proc/net/udp");
        meter.CreateObservableCounter("softswitch.sip.guards", () => new[]
        {
            Guard(counters.ReceiveErrors, "udp-receive-error"),
            Guard(counters.AcceptErrors, "tcp-accept-error"),
            Guard(counters.TcpRefusedPerSource, "tcp-per-source-limit"),
            Guard(counters.TcpRefusedTotal, "tcp-total-limit"),
            Guard(counters.TcpIdleClosed, "tcp-idle-timeout"),
            Guard(counters.TcpSlowMessageClosed, "tcp-message-read-timeout"),
            Guard(counters.SendFailures, "send-failure"),
            Guard(counters.BannedDropped, "banned-source"),
        }, "{event}", "How often each intake guard fired");
        meter.CreateObservableCounter("softswitch.sip.handling_failures", () => counters.FailuresByCause
            .Select(failure => new Measurement<long>(failure.Value, new KeyValuePair<string, object?>("cause", failure.Key))), "{message}",
            "Messages whose handling threw, by exception type; each cost only itself");
        meter.CreateObservableUpDownCounter("softswitch.sip.tcp.connections", () => transport.ConnectionCount, "{connection}");
        meter.CreateObservableUpDownCounter("softswitch.sip.receiving", () => transport.IsReceiving ? 1 : 0, "{listener}",
            "1 while every receive and accept loop runs");
        return meter;
    }

    private static Measurement<long> Guard(long count, string guard) => new(count, new KeyValuePair<string, object?>("guard", guard));
}
