using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

public sealed class SipTransportMetricsTests
{
    [Fact]
    public async Task The_meter_reports_received_and_dropped_messages_and_whether_intake_runs()
    {
        using var factory = new TestMeterFactory();
        var receiver = new RecordingReceiver();
        await using var transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0), EnableTcp = false });
        transport.Start(receiver);
        using var meter = SipTransportMetrics.Create(factory, transport);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync("garbage"u8.ToArray(), transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await client.SendAsync(Wire.Request(), transport.LocalEndPoint, TestContext.Current.CancellationToken);
        await receiver.NextAsync();

        var readings = Read(meter);

        Assert.Equal(1, readings[("softswitch.sip.messages.received", "")]);
        Assert.Equal(1, readings[("softswitch.sip.malformed", "dropped")]);
        Assert.Equal(1, readings[("softswitch.sip.receiving", "")]);
        Assert.Equal(0, readings[("softswitch.sip.guards", "tcp-per-source-limit")]);
    }

    private static Dictionary<(string Instrument, string Tag), long> Read(Meter meter)
    {
        var readings = new Dictionary<(string, string), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            readings[(instrument.Name, tags.Length > 0 ? tags[0].Value?.ToString() ?? "" : "")] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            readings[(instrument.Name, tags.Length > 0 ? tags[0].Value?.ToString() ?? "" : "")] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return readings;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
