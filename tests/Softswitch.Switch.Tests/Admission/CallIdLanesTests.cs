using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class CallIdLanesTests
{
    [Fact]
    public async Task Work_of_one_call_id_runs_in_order_even_when_an_item_awaits()
    {
        var lanes = new CallIdLanes(4, 100, NullLogger.Instance);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(lanes.TryPost("call-1", async _ =>
        {
            await gate.Task;
            order.Add(1);
        }, this));
        lanes.Post("call-1", _ =>
        {
            order.Add(2);
            done.SetResult();
            return ValueTask.CompletedTask;
        }, this);
        gate.SetResult();

        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2], order);
    }

    [Fact]
    public async Task Beyond_the_pending_limit_new_work_is_refused_until_queued_work_finishes()
    {
        var lanes = new CallIdLanes(4, 2, NullLogger.Instance);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<object, ValueTask> stalled = async _ => await gate.Task;

        Assert.True(lanes.TryPost("a", stalled, this));
        Assert.True(lanes.TryPost("b", stalled, this));
        Assert.False(lanes.TryPost("c", stalled, this));
        Assert.Equal(2, lanes.Pending);

        gate.SetResult();
        for (var i = 0; i < 250 && lanes.Pending > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, lanes.Pending);
        Assert.True(lanes.TryPost("c", stalled, this));
    }
}
