using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Switch.Cdrs;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Cdrs;

/// <summary>Group commit: records arriving within one commit window share one fsync, so fsyncs per second are bounded.</summary>
public sealed class CdrSpoolGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(3);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "softswitch-spool-commit-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _fake = new(Setup);

    [Fact]
    public async Task Records_arriving_within_the_window_wait_for_it_and_share_one_fsync()
    {
        var time = new TimerWatchingTime(_fake);
        var spool = Open(time, batchSize: 500);
        await spool.WriteAsync(Final(0)); // the first commit after a quiet spell waits for nothing
        var writes = Enumerable.Range(1, 100).Select(i => spool.WriteAsync(Final(i)).AsTask()).ToList();

        var wait = await time.TimersArmedAsync(1);
        var doneBeforeWindow = writes.Count(w => w.IsCompleted);
        _fake.Advance(wait);
        await Task.WhenAll(writes);
        var commits = spool.Counters.Commits;
        await spool.DisposeAsync();

        Assert.Equal(Window, wait);
        Assert.Equal(0, doneBeforeWindow);
        Assert.Equal(2, commits);
        Assert.Equal(101, spool.Counters.RecordsCommitted);
    }

    [Fact]
    public async Task A_full_batch_does_not_wait_for_the_window()
    {
        var time = new TimerWatchingTime(_fake);
        var spool = Open(time, batchSize: 10);
        await spool.WriteAsync(Final(0));
        var writes = Enumerable.Range(1, 10).Select(i => spool.WriteAsync(Final(i)).AsTask()).ToList();

        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await spool.DisposeAsync();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Fsyncs_per_second_stay_bounded_by_the_window_whatever_the_rate()
    {
        var time = new TimerWatchingTime(_fake);
        var spool = Open(time, batchSize: 500);
        await spool.WriteAsync(Final(-1)); // from here on every commit waits for its window
        var writes = new List<Task>();
        var timers = 0;
        for (var ms = 0; ms < 30; ms++)
        {
            // 50 records per millisecond (50,000 per second) for 30 ms of fake time.
            writes.AddRange(Enumerable.Range(ms * 50, 50).Select(i => spool.WriteAsync(Final(i)).AsTask()));
            if (ms % 3 == 2)
            {
                await time.TimersArmedAsync(++timers);
                _fake.Advance(Window);

                // The window's commit must have taken its records before the next window's arrive: a writer slow to
                // wake would otherwise commit both windows at once and arm no timer for the test to wait on.
                await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            }
        }

        _fake.Advance(Window);
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var commits = spool.Counters.Commits;
        await spool.DisposeAsync();

        Assert.InRange(commits, 2, 12); // the first, then one per 3 ms window of the 30 ms
        Assert.Equal(1501, spool.Counters.RecordsCommitted);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private CdrSpool Open(TimeProvider time, int batchSize) =>
        CdrSpool.Open(new CdrSpoolOptions { Directory = _directory, BatchSize = batchSize, CommitWindow = Window, StoreWindow = TimeSpan.Zero }, time, NullLogger<CdrSpool>.Instance);
}
