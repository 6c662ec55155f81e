using System.Diagnostics.Metrics;
using Softswitch.Switch.Events;
using CdrBuilder = Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Events;

public sealed class CallOutcomeMetricsTests : IDisposable
{
    private readonly Meter meter = new(CallOutcomeMetrics.MeterName + ".Tests." + Guid.NewGuid().ToString("n"));
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = [];
    private readonly CallOutcomeMetrics metrics;

    public CallOutcomeMetricsTests()
    {
        metrics = new CallOutcomeMetrics(meter);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    [Fact]
    public async Task An_answered_call_counts_a_start_an_answered_end_its_duration_and_its_pdd()
    {
        await metrics.OnCallEventAsync(new CallEvent(CallEventKind.Created, 1, CdrBuilder.InProgress(1)));
        await metrics.OnCallEventAsync(new CallEvent(CallEventKind.Ringing, 2, CdrBuilder.InProgress(1)));
        await metrics.OnCallEventAsync(new CallEvent(CallEventKind.Answered, 3, CdrBuilder.Answered(1)));
        await metrics.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, CdrBuilder.Final(1)));

        Assert.Equal(1, Single("softswitch.calls.started").Value);
        var ended = Single("softswitch.calls.ended");
        Assert.Equal("true", ended.Tags["answered"]);
        Assert.Equal(60, Single("softswitch.calls.duration").Value);
        Assert.Equal(1, Single("softswitch.calls.pdd").Value);
    }

    [Fact]
    public async Task An_unanswered_call_counts_an_unanswered_end_and_no_duration()
    {
        var unanswered = CdrBuilder.InProgress(1) with { EndAt = CdrBuilder.Setup.AddSeconds(31), FinalCode = 486 };

        await metrics.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 2, unanswered));

        Assert.Equal("false", Single("softswitch.calls.ended").Tags["answered"]);
        Assert.DoesNotContain(measurements, m => m.Instrument == "softswitch.calls.duration");
        Assert.Equal(30, Single("softswitch.calls.pdd").Value);
    }

    [Fact]
    public async Task A_refusal_is_counted_under_its_rule_and_not_as_a_started_call()
    {
        var refused = CdrBuilder.InProgress(1) with { RefusedBy = "account-capacity", EndAt = CdrBuilder.Setup.AddSeconds(1), FinalCode = 503 };

        await metrics.OnCallEventAsync(new CallEvent(CallEventKind.Refused, 1, refused));

        Assert.Equal("account-capacity", Single("softswitch.calls.refused_by_rule").Tags["rule"]);
        Assert.DoesNotContain(measurements, m => m.Instrument is "softswitch.calls.started" or "softswitch.calls.ended");
    }

    public void Dispose()
    {
        listener.Dispose();
        meter.Dispose();
    }

    private (string Instrument, double Value, Dictionary<string, object?> Tags) Single(string instrument) =>
        Assert.Single(measurements, m => m.Instrument == instrument);

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, object?>(tags.ToArray())));
}
