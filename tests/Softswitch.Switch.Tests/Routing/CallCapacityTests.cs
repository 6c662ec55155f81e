using Softswitch.Switch.Capacity;

namespace Softswitch.Switch.Tests.Routing;

public sealed class CallCapacityTests
{
    [Fact]
    public void Acquire_stops_at_the_limit_and_release_frees_a_slot()
    {
        var capacity = new CallCapacity();

        Assert.True(capacity.TryAcquire("g", 2));
        Assert.True(capacity.TryAcquire("g", 2));
        Assert.False(capacity.TryAcquire("g", 2));
        capacity.Release("g");
        Assert.True(capacity.TryAcquire("g", 2));
        Assert.Equal(2, capacity.InUse("g"));
    }

    [Fact]
    public void No_limit_still_counts()
    {
        var capacity = new CallCapacity();

        Assert.True(capacity.TryAcquire("g", null));
        Assert.Equal(1, capacity.InUse("g"));
    }

    [Fact]
    public void Concurrent_acquires_never_exceed_the_limit()
    {
        var capacity = new CallCapacity();
        var granted = 0;

        Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (capacity.TryAcquire("g", 100))
            {
                Interlocked.Increment(ref granted);
            }
        });

        Assert.Equal(100, granted);
        Assert.Equal(100, capacity.InUse("g"));
    }

    [Fact]
    public void Releasing_more_than_acquired_is_a_bug_and_throws()
    {
        var capacity = new CallCapacity();

        Assert.Throws<InvalidOperationException>(() => capacity.Release("never"));
    }
}
