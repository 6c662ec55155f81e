using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Benchmarks;

/// <summary>
/// Durable CDRs per second through the real spool on the real disk: each call journals its setup, ringing and
/// answer and writes its final CDR, and the call ends once all four are fsynced (the call path awaits only the final one).
/// <see cref="CallsInFlight"/> calls run at once, as calls ending together do on a busy switch. The goal is 5,000
/// durable CDRs per second; one operation is one call's four records.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class CdrSpoolBenchmarks
{
    private const int Calls = 20_000;
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private string _directory = "";
    private CdrSpool _spool = null!;
    private Task _drain = Task.CompletedTask;
    private int _next;

    [Params(50, 500)]
    public int CallsInFlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "softswitch-cdr-bench", Guid.NewGuid().ToString("n"));
        _spool = CdrSpool.Open(new CdrSpoolOptions { Directory = _directory }, TimeProvider.System, NullLogger<CdrSpool>.Instance);
        _drain = _spool.DrainAsync(new DiscardingStore(), CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _spool.DisposeAsync();
        await _drain;
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task DurableCallRecords()
    {
        var perWorker = Calls / CallsInFlight;
        await Task.WhenAll(Enumerable.Range(0, CallsInFlight).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                await RecordOneCallAsync(Interlocked.Increment(ref _next));
            }
        })));
    }

    private async Task RecordOneCallAsync(int n)
    {
        var setup = new CallDetailRecord
        {
            Id = $"cdr_{n:D26}", TenantId = "ten_bench", CallId = $"bench-{n}@127.0.0.1", AccountId = "acc_bench",
            CallerReceived = "15550001111", CalleeReceived = "442071234567", SetupAt = Start,
        };
        var journalled = _spool.JournalAsync(setup).AsTask();
        var ringing = setup with { RingingAt = Start.AddSeconds(1) };
        var rang = _spool.JournalAsync(ringing).AsTask();
        var answered = ringing with { AnswerAt = Start.AddSeconds(2), Attempts = [new CdrAttemptRecord("rgw_bench", "442071234567", Start, 200)] };
        var up = _spool.JournalAsync(answered).AsTask();
        var final = _spool.WriteAsync(answered with { EndAt = Start.AddSeconds(62), FinalCode = 200, HangupSide = HangupSide.Caller }).AsTask();
        await Task.WhenAll(journalled, rang, up, final);
    }

    private sealed class DiscardingStore : ICdrStore
    {
        public Task StoreAsync(IReadOnlyList<CallDetailRecord> batch, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
