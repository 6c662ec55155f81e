using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Softswitch.Data.Sqlite;

namespace Softswitch.Switch.Tests.Media;

/// <summary>The write gate reports how long each write waited for it and held it, per file.</summary>
public sealed class SqliteWriteGateMetricsTests
{
    [Fact]
    public async Task A_write_queued_behind_another_reports_at_least_the_time_it_was_kept_waiting()
    {
        var path = $"/metrics-test/{Guid.NewGuid():N}.db";
        var gate = SqliteWriteGate.ForFile(path);
        var recorded = new ConcurrentQueue<(string Name, double Ms)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Softswitch.Data.Sqlite")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.namespace" && Equals(tag.Value, path))
                {
                    recorded.Enqueue((instrument.Name, value));
                }
            }
        });
        listener.Start();

        await gate.EnterAsync(TestContext.Current.CancellationToken);
        var heldFrom = Stopwatch.GetTimestamp();
        var second = gate.EnterAsync(TestContext.Current.CancellationToken);
        var queuedAt = Stopwatch.GetTimestamp();
        Assert.False(second.IsCompleted);
        while (Stopwatch.GetElapsedTime(heldFrom) < TimeSpan.FromMilliseconds(20))
        {
            Thread.SpinWait(100);
        }

        var keptWaiting = Stopwatch.GetElapsedTime(queuedAt).TotalMilliseconds;
        gate.Exit();
        await second;
        gate.Exit();

        var waits = recorded.Where(r => r.Name == "softswitch.sqlite.write_gate.wait").Select(r => r.Ms).ToList();
        var holds = recorded.Where(r => r.Name == "softswitch.sqlite.write_gate.hold").Select(r => r.Ms).ToList();
        Assert.Equal(2, waits.Count);
        Assert.True(waits[1] >= keptWaiting, $"the queued write reported {waits[1]} ms, but waited at least {keptWaiting} ms");
        Assert.Equal(2, holds.Count);
        Assert.True(holds[0] >= 20, $"the first write held the gate for at least 20 ms, but reported {holds[0]} ms");
    }
}
