using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Media.Config;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Media;

namespace Softswitch.Switch.Tests.Config;

public sealed class LastGoodConfigSaverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("softswitch-last-good-saver-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_first_snapshot_is_written_at_once_later_ones_once_an_interval_has_passed_and_the_newest_wins()
    {
        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));
        var saver = new LastGoodConfigSaver(file, _clock);
        var rows = new ConfigRows().Tenant("t").Build();
        var cancellation = TestContext.Current.CancellationToken;

        await saver.SaveAsync(new LastGoodConfig(_clock.GetUtcNow(), rows), cancellation);
        var first = await BuiltAtAsync(file);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await saver.SaveAsync(new LastGoodConfig(_clock.GetUtcNow(), rows), cancellation);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var newest = _clock.GetUtcNow();
        await saver.SaveAsync(new LastGoodConfig(newest, rows), cancellation);
        var withinInterval = await BuiltAtAsync(file);
        _clock.Advance(LastGoodConfigSaver.WriteInterval - TimeSpan.FromSeconds(2));
        await saver.SaveDueAsync(cancellation);
        var afterInterval = await BuiltAtAsync(file);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(first, withinInterval);
        Assert.Equal(newest, afterInterval);
    }

    [Fact]
    public async Task Writes_asked_for_at_once_run_one_after_the_other_and_the_newest_is_kept()
    {
        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));
        var saver = new LastGoodConfigSaver(file, _clock);
        var rows = new ConfigRows().Tenant("t").Build();
        var cancellation = TestContext.Current.CancellationToken;

        await saver.SaveAsync(new LastGoodConfig(_clock.GetUtcNow(), rows), cancellation);
        var newest = _clock.GetUtcNow().AddSeconds(1);
        await saver.SaveAsync(new LastGoodConfig(newest, rows), cancellation);

        // As the polling loop and a stop do: flushes from several threads at the same moment.
        using var start = new ManualResetEventSlim();
        var writes = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait(cancellation);
            return saver.FlushAsync(cancellation);
        }, cancellation)).ToList();
        start.Set();

        await Task.WhenAll(writes);
        Assert.Equal(newest, await BuiltAtAsync(file));
    }

    [Fact]
    public async Task A_stopping_refresher_writes_the_snapshot_still_waiting_for_its_turn()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenant = new Tenant { Name = "alpha", SipDomain = "alpha.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));
        using var refresher = new SwitchConfigRefresher(
            new DatabaseConfigSnapshotLoader(database.Options, _clock), new SwitchConfigSource(), _clock,
            NullLogger<SwitchConfigRefresher>.Instance, file);
        await refresher.StartAsync(TestContext.Current.CancellationToken);
        var atStart = (await file.ReadAsync(TestContext.Current.CancellationToken))!.Rows.Accounts.Count;

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await using (var db = database.ForTenant(tenant.Id))
        {
            db.Accounts.Add(new Account { Name = "Client", Kind = AccountKind.Client, Currency = "USD" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rebuilt = await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var beforeStop = (await file.ReadAsync(TestContext.Current.CancellationToken))!.Rows.Accounts.Count;
        await refresher.StopAsync(TestContext.Current.CancellationToken);
        var afterStop = (await file.ReadAsync(TestContext.Current.CancellationToken))!.Rows.Accounts.Count;

        Assert.True(rebuilt);
        Assert.Equal((0, 0, 1), (atStart, beforeStop, afterStop));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<DateTimeOffset> BuiltAtAsync(LastGoodConfigFile file) =>
        (await file.ReadAsync(TestContext.Current.CancellationToken))!.BuiltAt;
}
