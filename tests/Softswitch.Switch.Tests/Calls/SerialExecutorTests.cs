using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>A call's work runs one item at a time and in order, whether it is posted to the pool or run in place.</summary>
public sealed class SerialExecutorTests
{
    [Fact]
    public void Run_on_an_idle_executor_runs_on_the_calling_thread_with_what_it_posts_meanwhile()
    {
        var executor = new RecordingExecutor();
        var caller = Environment.CurrentManagedThreadId;
        var threads = new List<int>();

        executor.Run(() =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            executor.Post(() => threads.Add(Environment.CurrentManagedThreadId));
        });

        Assert.Equal([caller, caller], threads);
    }

    [Fact]
    public async Task Run_behind_running_work_waits_its_turn_and_keeps_the_order()
    {
        var executor = new RecordingExecutor();
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();

        executor.Post(() =>
        {
            started.SetResult();
            release.Wait(TimeSpan.FromSeconds(10));
            order.Add("posted");
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        executor.Run(() => order.Add("run"));
        executor.Post(() =>
        {
            order.Add("last");
            done.SetResult();
        });
        var ranInPlace = order.Count;
        release.Set();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(0, ranInPlace);
        Assert.Equal(["posted", "run", "last"], order);
    }

    [Fact]
    public void A_throwing_item_run_in_place_ends_the_call_and_leaves_the_executor_usable()
    {
        var executor = new RecordingExecutor();

        executor.Run(() => throw new InvalidOperationException("handler bug"));
        var ranAfter = false;
        executor.Run(() => ranAfter = true);

        Assert.IsType<InvalidOperationException>(Assert.Single(executor.Failures));
        Assert.True(ranAfter);
    }

    private sealed class RecordingExecutor() : SerialExecutor(NullLogger.Instance)
    {
        public List<Exception> Failures { get; } = [];

        protected override void OnHandlerFailure(Exception exception) => Failures.Add(exception);
    }
}
