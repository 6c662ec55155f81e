using System.Diagnostics.Metrics;

namespace Softswitch.Switch.Admission;

/// <summary>The pipeline's per-stage counters on the <c>Softswitch.Switch.Admission</c> meter, tagged by stage.</summary>
public static class AdmissionMetrics
{
    public const string MeterName = "Softswitch.Switch.Admission";

    public static Meter Create(IMeterFactory factory, AdmissionPipeline pipeline, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(time);
        var meter = factory.Create(MeterName);
        meter.CreateObservableCounter("softswitch.admission.evaluated", () => PerStage(pipeline, c => c.Evaluated), "{invite}");
        meter.CreateObservableCounter("softswitch.admission.rejected", () => PerStage(pipeline, c => c.Rejected), "{invite}");
        meter.CreateObservableCounter("softswitch.admission.monitored", () => PerStage(pipeline, c => c.Monitored), "{invite}", "Refusals a tenant's monitor-only policy let through");
        meter.CreateObservableCounter("softswitch.admission.challenged", () => PerStage(pipeline, c => c.Challenged), "{invite}");
        meter.CreateObservableCounter("softswitch.admission.time", () => pipeline.Counters.Select(c =>
            new Measurement<double>((double)c.ElapsedTicks / time.TimestampFrequency, Stage(c))), "s", "Time spent in each stage");
        return meter;
    }

    private static IEnumerable<Measurement<long>> PerStage(AdmissionPipeline pipeline, Func<AdmissionStageCounters, long> value) =>
        pipeline.Counters.Select(c => new Measurement<long>(value(c), Stage(c)));

    private static KeyValuePair<string, object?> Stage(AdmissionStageCounters counters) => new("stage", counters.Stage);
}
