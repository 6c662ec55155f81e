using System.Diagnostics.Metrics;

namespace Softswitch.Switch.Cdrs;

/// <summary>The CDR spool's instruments on the <c>Softswitch.Switch.Cdrs</c> meter.</summary>
public static class CdrMetrics
{
    public const string MeterName = "Softswitch.Switch.Cdrs";

    public static Meter Create(IMeterFactory factory, CdrSpool spool)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(spool);
        var counters = spool.Counters;
        var meter = factory.Create(MeterName);
        meter.CreateObservableUpDownCounter("softswitch.cdr.append_queue", () => spool.PendingAppends, "{record}", "Records waiting for the next group commit");
        meter.CreateObservableUpDownCounter("softswitch.cdr.store_queue", () => spool.PendingStores, "{cdr}", "Durable CDRs not yet in the database");
        meter.CreateObservableUpDownCounter("softswitch.cdr.can_record", () => spool.CanRecord ? 1 : 0, null, "0 while the spool's disk refuses writes");
        meter.CreateObservableCounter("softswitch.cdr.commits", () => counters.Commits, "{fsync}");
        meter.CreateObservableCounter("softswitch.cdr.records_committed", () => counters.RecordsCommitted, "{record}");
        meter.CreateObservableCounter("softswitch.cdr.commit_failures", () => counters.CommitFailures, "{failure}");
        meter.CreateObservableCounter("softswitch.cdr.acknowledged_undurable", () => counters.AcknowledgedUndurable, "{record}");
        meter.CreateObservableCounter("softswitch.cdr.lost", () => counters.Lost, "{record}");
        spool.ReportCommitLatencyTo(meter.CreateHistogram<double>("softswitch.cdr.commit_latency", "ms", "Time of one group commit's fsync"));
        return meter;
    }
}
