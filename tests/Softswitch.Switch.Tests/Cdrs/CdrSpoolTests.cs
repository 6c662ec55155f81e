using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Switch.Cdrs;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Cdrs;

public sealed class CdrSpoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "softswitch-spool-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _time = new(Setup);

    [Fact]
    public async Task Acknowledged_cdrs_survive_a_crash_and_are_stored_exactly_once()
    {
        var spool = Open();
        for (var i = 0; i < 200; i++)
        {
            await spool.WriteAsync(Final(i));
        }

        await spool.DisposeAsync(); // the "crash": nothing was drained
        var store = new MemoryCdrStore();
        await DrainAfterRestartAsync(store);
        await DrainAfterRestartAsync(store);

        Assert.Equal(200, store.Records.Count);
        Assert.Equal(200, store.Records.Keys.Distinct().Count());
        Assert.Equal(0, store.Duplicates);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_torn_last_record_is_skipped_and_the_rest_replayed()
    {
        var spool = Open();
        for (var i = 0; i < 50; i++)
        {
            await spool.WriteAsync(Final(i));
        }

        await spool.DisposeAsync();
        var segment = Assert.Single(Directory.GetFiles(_directory));
        var whole = await File.ReadAllBytesAsync(segment);
        var encoded = new MemoryStream();
        new SpoolFrameWriter().Write(encoded, SpoolEntryKind.Final, Final(999));
        var lastFrame = encoded.ToArray();
        await using (var file = new FileStream(segment, FileMode.Append))
        {
            await file.WriteAsync(lastFrame.AsMemory(0, lastFrame.Length / 2)); // killed mid-write
        }

        var store = new MemoryCdrStore();
        await DrainAfterRestartAsync(store);

        Assert.True(whole.Length > 0);
        Assert.Equal(50, store.Records.Count);
        Assert.DoesNotContain(Final(999).Id, store.Records.Keys);
    }

    [Fact]
    public async Task A_corrupt_checksum_ends_the_replay_of_that_file()
    {
        var spool = Open();
        await spool.WriteAsync(Final(1));
        await spool.WriteAsync(Final(2));
        await spool.DisposeAsync();
        var segment = Assert.Single(Directory.GetFiles(_directory));
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[^3] ^= 0xFF; // a flipped byte in the second record's JSON
        await File.WriteAllBytesAsync(segment, bytes);

        var store = new MemoryCdrStore();
        await DrainAfterRestartAsync(store);

        Assert.Equal([Final(1).Id], store.Records.Keys);
    }

    [Fact]
    public async Task Calls_in_progress_at_a_crash_become_interrupted_cdrs()
    {
        var spool = Open();
        var ringing = InProgress(1);
        var answered = Answered(2);
        await spool.JournalAsync(ringing);
        await spool.JournalAsync(InProgress(2));
        await spool.JournalAsync(answered);
        await spool.JournalAsync(InProgress(3));
        await spool.WriteAsync(Final(3));
        await spool.DisposeAsync();

        var store = new MemoryCdrStore();
        await DrainAfterRestartAsync(store);

        Assert.Equal(3, store.Records.Count);
        var unanswered = store.Records[ringing.Id];
        var cut = store.Records[answered.Id];
        var finished = store.Records[Final(3).Id];
        Assert.True(unanswered.Interrupted);
        Assert.Equal((500, HangupSide.Switch, ringing.SetupAt), (unanswered.FinalCode, unanswered.HangupSide, unanswered.EndAt));
        Assert.True(cut.Interrupted);
        Assert.Equal((200, answered.AnswerAt), (cut.FinalCode, cut.EndAt));
        Assert.False(finished.Interrupted);
    }

    [Fact]
    public async Task Open_calls_are_carried_into_new_segments_and_old_segments_go_once_stored()
    {
        var spool = Open(maxSegmentBytes: 4096);
        var open = InProgress(0);
        await spool.JournalAsync(open);
        var store = new MemoryCdrStore();
        using var stop = new CancellationTokenSource();
        var drain = spool.DrainAsync(store, stop.Token);
        for (var i = 1; i <= 100; i++)
        {
            await spool.WriteAsync(Final(i));
        }

        await spool.DisposeAsync();
        await drain;
        var filesAfterCleanStop = Directory.GetFiles(_directory);
        var afterRestart = new MemoryCdrStore();
        await DrainAfterRestartAsync(afterRestart);

        Assert.Equal(100, store.Records.Count);
        Assert.Single(filesAfterCleanStop);
        Assert.True(Assert.Single(afterRestart.Records.Values, r => r.Id == open.Id).Interrupted);
    }

    [Fact]
    public async Task A_failing_store_is_retried_after_the_delay_and_nothing_is_lost()
    {
        var time = new TimerWatchingTime(_time);
        var spool = CdrSpool.Open(new CdrSpoolOptions { Directory = _directory, StoreRetryDelay = TimeSpan.FromSeconds(2), CommitWindow = TimeSpan.Zero, StoreWindow = TimeSpan.Zero }, time, NullLogger<CdrSpool>.Instance);
        var store = new MemoryCdrStore { FailuresLeft = 1 };
        var drain = spool.DrainAsync(store, TestContext.Current.CancellationToken);
        await spool.WriteAsync(Final(1));
        await time.TimerCreated.Task;
        var beforeRetry = store.Records.Count;

        _time.Advance(TimeSpan.FromSeconds(2));
        await spool.DisposeAsync();
        await drain;

        Assert.Equal(0, beforeRetry);
        Assert.Single(store.Records);
    }

    [Fact]
    public async Task A_final_cdr_without_end_or_code_is_refused()
    {
        var spool = Open();

        await Assert.ThrowsAsync<ArgumentException>(async () => await spool.WriteAsync(InProgress(1)));
        await spool.DisposeAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private CdrSpool Open(long maxSegmentBytes = 16 * 1024 * 1024) =>
        CdrSpool.Open(
            new CdrSpoolOptions { Directory = _directory, MaxSegmentBytes = maxSegmentBytes, StoreRetryDelay = TimeSpan.FromSeconds(2), CommitWindow = TimeSpan.Zero, StoreWindow = TimeSpan.Zero },
            _time,
            NullLogger<CdrSpool>.Instance);

    /// <summary>Restarts the spool over the same directory and drains everything it replays, then stops cleanly.</summary>
    private async Task DrainAfterRestartAsync(MemoryCdrStore store)
    {
        var spool = Open();
        var drain = spool.DrainAsync(store, TestContext.Current.CancellationToken);
        await spool.DisposeAsync();
        await drain;
    }
}
