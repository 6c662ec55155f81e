using System.Diagnostics.Metrics;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The signalling layer's counters on the <c>Softswitch.Switch.Fraud</c> meter; observable, so intake pays nothing
/// for being measured. Dropped packets of banned sources are on <c>Softswitch.Sip.Transport</c> (guard <c>banned-source</c>).
/// </summary>
public static class SignallingGuardMetrics
{
    public const string MeterName = "Softswitch.Switch.Fraud";

    public static Meter Create(IMeterFactory factory, SignallingGuard guard)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(guard);
        var counters = guard.Counters;
        var meter = factory.Create(MeterName);
        meter.CreateObservableCounter("softswitch.fraud.decisions", () => new[]
        {
            Decision(counters.Bans, "ban"),
            Decision(counters.Alerts, "alert"),
            Decision(counters.Suspensions, "suspend"),
            Decision(counters.Lifts, "lift"),
            Decision(counters.Monitored, "monitor"),
            Decision(counters.Warnings, "warn"),
        }, "{decision}", "Bans, trusted-peer alerts, phone suspensions, lifted bans, what monitor-only rules would have done, and warning levels crossed");
        meter.CreateObservableUpDownCounter("softswitch.fraud.bans.active", () => guard.ActiveBans, "{source}");
        meter.CreateObservableUpDownCounter("softswitch.fraud.sources.tracked", () => guard.TrackedSources, "{source}",
            "Sources whose request counts are held (bounded by MaxTrackedSources)");
        meter.CreateObservableCounter("softswitch.fraud.sources.evicted", () => guard.EvictedSources, "{source}",
            "Sources forgotten to make room for newer ones");
        meter.CreateObservableUpDownCounter("softswitch.fraud.honeypot.numbers", () => guard.Honeypot.Count, "{number}",
            "Numbers banned scanners dialled that the scanner honeypot holds (bounded by ScannerDestinations:MaxNumbers)");
        return meter;
    }

    private static Measurement<long> Decision(long count, string action) => new(count, new KeyValuePair<string, object?>("action", action));
}
