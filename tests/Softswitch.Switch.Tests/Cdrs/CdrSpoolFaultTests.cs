using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Switch.Cdrs;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Cdrs;

/// <summary>A full or failing disk under the spool: the writer lives, says it cannot record, loses nothing, and recovers by itself.</summary>
public sealed class CdrSpoolFaultTests : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "softswitch-spool-fault-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _fake = new(Setup);
    private readonly FaultySpoolStorage _storage = new();
    private readonly TimerWatchingTime _time;

    public CdrSpoolFaultTests() => _time = new TimerWatchingTime(_fake);

    [Fact]
    public async Task A_full_disk_stops_recording_lets_calls_end_and_every_record_is_written_once_space_returns()
    {
        var spool = Open();
        for (var i = 0; i < 5; i++)
        {
            await spool.WriteAsync(Final(i));
        }

        _storage.Full = true;
        await spool.WriteAsync(Final(5)); // completes: a call that is ending must not hang on the disk
        var refusedWhileFull = !spool.CanRecord;
        await spool.WriteAsync(Final(6));
        await spool.JournalAsync(InProgress(7));
        var retry = await _time.TimersArmedAsync(1);

        _storage.Full = false;
        _fake.Advance(retry);
        await WhenAsync(() => spool.CanRecord);
        await spool.WriteAsync(Final(8));
        var counters = spool.Counters;
        await spool.DisposeAsync();
        var store = await DrainAfterRestartAsync();

        Assert.True(refusedWhileFull);
        Assert.Equal(RetryDelay, retry);
        Assert.True(counters.CommitFailures >= 1);
        Assert.Equal(3, counters.AcknowledgedUndurable); // 5, 6 and the journal of 7
        Assert.Equal(0, counters.Lost);
        Assert.Equal([.. Enumerable.Range(0, 9).Select(i => Final(i).Id).Order()], store.Records.Keys.Order());
        Assert.True(store.Records[InProgress(7).Id].Interrupted);
        Assert.False(store.Records[Final(5).Id].Interrupted);
    }

    [Fact]
    public async Task A_record_queued_behind_the_commit_that_finds_the_disk_full_is_let_go_with_it()
    {
        var spool = Open();
        await spool.WriteAsync(Final(0));
        using var gate = new ManualResetEventSlim();
        _storage.FailingWriteGate = gate;
        _storage.Full = true;

        var committing = spool.WriteAsync(Final(1)).AsTask();
        await _storage.FailingWriteEntered.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var queuedBehind = spool.WriteAsync(Final(2)).AsTask(); // the fault is not known yet: it queues
        gate.Set();

        // Both calls end while the disk is still full, before any retry (the fake clock has not moved).
        await Task.WhenAll(committing, queuedBehind).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var undurable = spool.Counters.AcknowledgedUndurable;
        var retry = await _time.TimersArmedAsync(1);
        _storage.Full = false;
        _fake.Advance(retry);
        await WhenAsync(() => spool.CanRecord);
        await spool.DisposeAsync();
        var store = await DrainAfterRestartAsync();

        Assert.Equal(2, undurable);
        Assert.Equal([Final(0).Id, Final(1).Id, Final(2).Id], store.Records.Keys.Order());
    }

    [Fact]
    public async Task Retries_back_off_while_the_disk_stays_full()
    {
        var spool = Open();
        _storage.Full = true;
        await spool.WriteAsync(Final(1));

        var delays = new List<TimeSpan>();
        for (var n = 1; n <= 8; n++)
        {
            var delay = await _time.TimersArmedAsync(n);
            delays.Add(delay);
            _fake.Advance(delay);
        }

        _storage.Full = false;
        await spool.DisposeAsync();
        var store = await DrainAfterRestartAsync();

        Assert.Equal(
            [100, 200, 400, 800, 1600, 3200, 5000, 5000],
            delays.Select(d => (int)d.TotalMilliseconds));
        Assert.True(spool.Counters.CommitFailures >= 8);
        Assert.Single(store.Records);
    }

    [Fact]
    public async Task A_segment_that_cannot_be_started_leaves_the_writer_running_and_rotation_is_tried_again()
    {
        var spool = Open(maxSegmentBytes: 4096);
        _storage.RefuseNewFiles = true;
        for (var i = 0; i < 40; i++)
        {
            await spool.WriteAsync(Final(i));
        }

        var rotateFailures = spool.Counters.RotateFailures;
        _storage.RefuseNewFiles = false;
        await spool.WriteAsync(Final(40));
        await spool.DisposeAsync();
        var store = await DrainAfterRestartAsync();

        Assert.True(rotateFailures > 0);
        Assert.True(spool.CanRecord);
        Assert.True(_storage.FilesCreated >= 2);
        Assert.Equal(41, store.Records.Count);
    }

    [Fact]
    public async Task Stopping_while_the_disk_is_still_full_reports_the_records_it_could_not_write()
    {
        var spool = Open();
        await spool.WriteAsync(Final(1));
        _storage.Full = true;
        await spool.WriteAsync(Final(2));

        await spool.DisposeAsync();

        Assert.Equal(1, spool.Counters.Lost);
        _storage.Full = false;
        var store = await DrainAfterRestartAsync();
        Assert.Equal([Final(1).Id], store.Records.Keys);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The writer recovers on a pool thread once fake time has fired its retry; this bounds that hand-off, not a timer.</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    private CdrSpool Open(long maxSegmentBytes = 16 * 1024 * 1024) =>
        CdrSpool.Open(
            new CdrSpoolOptions
            {
                Directory = _directory, MaxSegmentBytes = maxSegmentBytes, CommitWindow = TimeSpan.Zero, StoreWindow = TimeSpan.Zero, FaultRetryDelay = RetryDelay,
            },
            _time,
            NullLogger<CdrSpool>.Instance,
            _storage);

    private async Task<MemoryCdrStore> DrainAfterRestartAsync()
    {
        var store = new MemoryCdrStore();
        var spool = CdrSpool.Open(new CdrSpoolOptions { Directory = _directory, CommitWindow = TimeSpan.Zero, StoreWindow = TimeSpan.Zero }, _fake, NullLogger<CdrSpool>.Instance);
        var drain = spool.DrainAsync(store, TestContext.Current.CancellationToken);
        await spool.DisposeAsync();
        await drain;
        return store;
    }
}
