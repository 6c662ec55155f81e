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

    /// <summary>
    /// The timed samples make and answer INVITEs this many at a time: few enough that they die young, as an INVITE
    /// admitted right after it is parsed does in the switch, so collections of the rig's own INVITEs (not the
    /// pipeline's) do not fill the sample's tail.
    /// </summary>
    private const int SampleBatch = 256;
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
    public void MakeInvites() => MakeInvites(Batch);

    private void MakeInvites(int count)
    {
        _batch = new AdmissionContext[count];
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
    /// counts the bytes each allocates, outside the timed region, then prints the mean and percentiles per INVITE. To
    /// tell the pipeline's tail from the collector's and the machine's, it also prints the collections and their pause
    /// during the sample, the percentiles of the runs no collection fell in, and those of a region that only spins for
    /// the first batch's median run time (the machine's own noise over a window that long: preemption, the other core).
    /// </summary>
    private void PrintPerInvite()
    {
        var ticks = new long[Samples];
        var quiet = new long[Samples];
        var spun = new long[Samples];
        var spin = 0L;
        var quietRuns = 0;
        long allocated = 0;
        var transactionsBefore = _rig.TransactionCount;
        var collections = Collections();
        var paused = GC.GetTotalPauseDuration();
        for (var done = 0; done < Samples; done += SampleBatch)
        {
            MakeInvites(SampleBatch);
            for (var i = 0; i < SampleBatch; i++)
            {
                var context = _batch[i];
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var gen0 = GC.CollectionCount(0);
                var started = Stopwatch.GetTimestamp();
                var run = _rig.Pipeline.RunAsync(context);
                var elapsed = Stopwatch.GetTimestamp() - started;
                ticks[done + i] = elapsed;
                if (GC.CollectionCount(0) == gen0)
                {
                    quiet[quietRuns++] = elapsed;
                }

                allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
                if (Decided(run) is { IsContinue: false } refused)
                {
                    throw new InvalidOperationException($"INVITE {done + i} was not admitted: {refused.Verdict} {refused.Response?.StatusCode} by {refused.RuleId}.");
                }

                started = Stopwatch.GetTimestamp();
                while (Stopwatch.GetTimestamp() - started < spin)
                {
                }

                spun[done + i] = Stopwatch.GetTimestamp() - started;
            }

            if (done == 0)
            {
                spin = Median(ticks.AsSpan(0, SampleBatch));
            }

            AnswerInvites();
        }

        var pause = GC.GetTotalPauseDuration() - paused;
        var after = Collections();
        Console.WriteLine(
            $"// per INVITE over {Samples:N0} runs: {Summary(ticks, Samples)}; {allocated / (double)Samples:F0} bytes allocated per INVITE");
        Console.WriteLine(
            $"// collections during the sample: gen0 {after.Gen0 - collections.Gen0}, gen1 {after.Gen1 - collections.Gen1}, gen2 {after.Gen2 - collections.Gen2}, " +
            $"{pause.TotalMilliseconds:F1} ms paused; the {quietRuns:N0} runs no collection fell in: {Summary(quiet, quietRuns)}");
        Console.WriteLine($"// a region that spins for {spin * 1e9 / Stopwatch.Frequency:F0} ns: {Summary(spun, Samples)}");
        Console.WriteLine($"// counters: {_rig.CounterStore.CountFor("t"):N0} live, {_rig.CounterStore.Untracked:N0} events uncounted (partition full)");
        Console.WriteLine($"// server transactions: {transactionsBefore} before, {_rig.TransactionCount} after; load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static string Summary(long[] ticks, int count)
    {
        var mean = (double)Sum(ticks.AsSpan(0, count)) / count * 1e9 / Stopwatch.Frequency;
        Array.Sort(ticks, 0, count);
        double Nanoseconds(double quantile) => ticks[(int)(quantile * (count - 1))] * 1e9 / Stopwatch.Frequency;
        return $"mean {mean:F0} ns, p50 {Nanoseconds(0.50):F0} ns, p99 {Nanoseconds(0.99):F0} ns, p99.9 {Nanoseconds(0.999):F0} ns, max {Nanoseconds(1):F0} ns";
    }

    private static long Median(ReadOnlySpan<long> ticks)
    {
        var copy = ticks.ToArray();
        Array.Sort(copy);
        return copy[copy.Length / 2];
    }

    private static long Sum(ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
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

        for (var done = 0; done < Runs; done += SampleBatch)
        {
            MakeInvites(SampleBatch);
            for (var i = 0; i < SampleBatch; i++)
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
