using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Softswitch.Switch.Admission;

namespace Softswitch.Benchmarks;

/// <summary>
/// The whole admission pipeline's cost per INVITE (issue 8 goals: p99 under 10 µs, at most 200 bytes per blacklist
/// entry) with 1,000,000 dynamic-blacklist entries, 1,000,000 listed numbers and 100,000 geofence ranges loaded
/// (<see cref="AdmissionPipelineRig"/>). Only <see cref="AdmissionPipeline.RunAsync"/> is timed: each batch of INVITEs
/// is made before it and answered after it, so server transactions do not pile up. BenchmarkDotNet's statistics are
/// over batches; the goal is per INVITE, so a sample of single runs is also timed at setup and its percentiles printed.
/// </summary>
[Config(typeof(Percentiles))]
[MemoryDiagnoser]
public class AdmissionPipelineBenchmarks
{
    private const int Batch = 8_192;
    private const int Samples = 262_144;

    /// <summary>Runs before the sample, so it sees tiered-up code and counters that already exist for most pooled numbers.</summary>
    private const int Warmup = 65_536;
    private AdmissionPipelineRig _rig = null!;
    private AdmissionContext[] _batch = [];

    [GlobalSetup]
    public void Setup()
    {
        _rig = new AdmissionPipelineRig();
        Console.WriteLine($"// stages: {string.Join(", ", _rig.Pipeline.StageNames)}");
        Admit(Warmup);
        PrintPerInvite();
        PrintByStage();
    }

    [IterationSetup]
    public void MakeInvites()
    {
        _batch = new AdmissionContext[Batch];
        for (var i = 0; i < _batch.Length; i++)
        {
            _batch[i] = _rig.NextInvite();
        }
    }

    [IterationCleanup]
    public void AnswerInvites()
    {
        foreach (var context in _batch)
        {
            _rig.Finish(context);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int CleanInvite()
    {
        var admitted = 0;
        foreach (var context in _batch)
        {
            admitted += Decided(_rig.Pipeline.RunAsync(context)).IsContinue ? 1 : 0;
        }

        return admitted == Batch ? admitted : throw new InvalidOperationException($"Only {admitted} of {Batch} INVITEs were admitted.");
    }

    private void Admit(int invites)
    {
        for (var done = 0; done < invites; done += Batch)
        {
            MakeInvites();
            CleanInvite();
            AnswerInvites();
        }
    }

    /// <summary>
    /// Times each of <see cref="Samples"/> runs alone (the two timestamp reads, some tens of nanoseconds, included) and
    /// counts the bytes each allocates, outside the timed region, then prints the mean and percentiles per INVITE.
    /// </summary>
    private void PrintPerInvite()
    {
        var ticks = new long[Samples];
        long allocated = 0;
        var transactionsBefore = _rig.TransactionCount;
        for (var done = 0; done < Samples; done += Batch)
        {
            MakeInvites();
            for (var i = 0; i < Batch; i++)
            {
                var context = _batch[i];
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                var run = _rig.Pipeline.RunAsync(context);
                ticks[done + i] = Stopwatch.GetTimestamp() - started;
                allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
                if (Decided(run) is { IsContinue: false } refused)
                {
                    throw new InvalidOperationException($"INVITE {done + i} was not admitted: {refused.Verdict} {refused.Response?.StatusCode} by {refused.RuleId}.");
                }
            }

            AnswerInvites();
        }

        var mean = ticks.Average() * 1e9 / Stopwatch.Frequency;
        Array.Sort(ticks);
        double Nanoseconds(double quantile) => ticks[(int)(quantile * (Samples - 1))] * 1e9 / Stopwatch.Frequency;
        Console.WriteLine(
            $"// per INVITE over {Samples:N0} runs: mean {mean:F0} ns, p50 {Nanoseconds(0.50):F0} ns, p99 {Nanoseconds(0.99):F0} ns, " +
            $"p99.9 {Nanoseconds(0.999):F0} ns, max {Nanoseconds(1):F0} ns; {allocated / (double)Samples:F0} bytes allocated per INVITE");
        Console.WriteLine($"// server transactions: {transactionsBefore} before, {_rig.TransactionCount} after; load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>
    /// Where the time and the bytes go: a pass that runs the stages one by one as the pipeline does, timing each
    /// stage alone (p50 and p99 per stage) and counting the bytes it allocates. A stage that first reads a header
    /// the parser keeps unparsed pays for parsing it.
    /// </summary>
    private void PrintByStage()
    {
        const int Runs = Samples / 4;
        var stages = _rig.Stages;
        var bytes = new long[stages.Count];
        var ticks = new long[stages.Count][];
        for (var index = 0; index < stages.Count; index++)
        {
            ticks[index] = new long[Runs];
        }

        for (var done = 0; done < Runs; done += Batch)
        {
            MakeInvites();
            for (var i = 0; i < Batch; i++)
            {
                var context = _batch[i];
                for (var index = 0; index < stages.Count; index++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var started = Stopwatch.GetTimestamp();
                    var decision = Decided(stages[index].EvaluateAsync(context));
                    ticks[index][done + i] = Stopwatch.GetTimestamp() - started;
                    bytes[index] += GC.GetAllocatedBytesForCurrentThread() - before;
                    if (!decision.IsContinue)
                    {
                        throw new InvalidOperationException($"Stage {stages[index].Name} refused a clean INVITE.");
                    }
                }

                foreach (var reserving in stages.OfType<IReservingAdmissionStage>().Reverse())
                {
                    reserving.Release(context);
                }

                AdmissionPipelineRig.Answer(context);
            }
        }

        for (var index = 0; index < stages.Count; index++)
        {
            var sorted = ticks[index];
            Array.Sort(sorted);
            double Nanoseconds(double quantile) => sorted[(int)(quantile * (Runs - 1))] * 1e9 / Stopwatch.Frequency;
            Console.WriteLine($"//   {stages[index].Name,-20} p50 {Nanoseconds(0.5),6:F0} ns, p99 {Nanoseconds(0.99),7:F0} ns, {bytes[index] / (double)Runs,4:F0} bytes allocated");
        }
    }

    /// <summary>Every stage completes synchronously here (none waits on I/O), so the pipeline's value is ready at once.</summary>
    private static AdmissionDecision Decided(ValueTask<AdmissionDecision> run) =>
        run.IsCompletedSuccessfully ? run.Result : throw new InvalidOperationException("A stage went asynchronous.");

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max, StatisticColumn.OperationsPerSecond);
    }
}
