using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Tests.Cdrs;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>The switch over a real spool whose disk fills up: no call is accepted that could not be recorded, and none is lost.</summary>
public sealed class DiskFullCallTests : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "softswitch-disk-full-tests", Guid.NewGuid().ToString("n"));
    private readonly FaultySpoolStorage _storage = new();

    [Fact]
    public async Task New_calls_get_503_while_the_spool_cannot_write_the_call_up_ends_cleanly_and_the_switch_recovers_by_itself()
    {
        CdrSpool? opened = null;
        var rig = new B2buaFixture(cdrs: clock => opened = CdrSpool.Open(
            new CdrSpoolOptions { Directory = _directory, CommitWindow = TimeSpan.Zero, StoreWindow = TimeSpan.Zero, FaultRetryDelay = RetryDelay },
            clock, NullLogger<CdrSpool>.Instance, _storage));
        var spool = opened!;
        await using (rig)
        {
            var (answered, _) = await rig.ConnectAsync();
            _storage.Full = true;

            await rig.HangUpAsync(answered); // the BYE is answered although its CDR is not yet on disk
            var refused = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);
            var canRecordWhileFull = spool.CanRecord;

            _storage.Full = false;
            var armed = await rig.Clock.ArmedForAsync(RetryDelay);
            rig.Clock.AdvanceTo(armed.FiresAt);
            await WhenAsync(() => spool.CanRecord);
            var (afterRecovery, _) = await rig.ConnectAsync();
            await rig.HangUpAsync(afterRecovery);

            Assert.False(canRecordWhileFull);
            Assert.Equal(503, refused.StatusCode);
            Assert.NotNull(refused.Headers[SipHeaderKind.RetryAfter]);
            Assert.Contains("CDR storage unavailable", refused.Headers[ReasonHeader.Name], StringComparison.Ordinal);
            Assert.Equal(1, rig.B2bua.Counters.CdrStorageUnavailableRefusals);
            Assert.Equal(2, rig.B2bua.Counters.CallsAccepted);
            Assert.Equal(0, rig.B2bua.Counters.ActiveCalls);
        }

        await spool.DisposeAsync();
        var store = new MemoryCdrStore();
        var reopened = CdrSpool.Open(new CdrSpoolOptions { Directory = _directory, CommitWindow = TimeSpan.Zero, StoreWindow = TimeSpan.Zero }, TimeProvider.System, NullLogger<CdrSpool>.Instance);
        var drain = reopened.DrainAsync(store, TestContext.Current.CancellationToken);
        await reopened.DisposeAsync();
        await drain;

        Assert.Equal(0, spool.Counters.Lost);
        Assert.Equal(2, store.Records.Count);
        Assert.All(store.Records.Values, cdr => Assert.Equal((200, false), (cdr.FinalCode, cdr.Interrupted)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The spool recovers on a pool thread once the fake clock fired its retry; this bounds that hand-off, not a timer.</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
