using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Media.Cdrs;
using Softswitch.Switch.Cdrs;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Media;

public sealed class DatabaseCdrStoreTests
{
    [Fact]
    public async Task Batches_are_stored_once_per_id_with_every_field_mapped()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
        }

        var store = new DatabaseCdrStore(database.Options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance);
        var answered = Final(1, tenant.Id) with { CallerSent = "15550001", CalleeSent = "442071234567" };
        var interrupted = InProgress(2, tenant.Id).AsInterrupted();

        await store.StoreAsync([answered, interrupted], TestContext.Current.CancellationToken);
        await store.StoreAsync([answered, interrupted, Final(3, "ten_gone")], TestContext.Current.CancellationToken);

        await using var db = database.ForTenant(tenant.Id);
        var rows = await db.Cdrs.OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, rows.Count);
        var call = rows[0];
        Assert.Equal(answered.Id, call.Id);
        Assert.Equal((200, 16, HangupSide.Caller, false), (call.FinalCode, call.Q850Cause, call.HangupSide, call.Interrupted));
        Assert.Equal((1000, 60_000L), (call.PddMilliseconds, call.DurationMilliseconds));
        Assert.Equal("rgw_1", call.RoutingGatewayId);
        Assert.Equal(("rgw_1", 200), (Assert.Single(call.Attempts).RoutingGatewayId, call.Attempts[0].ResponseCode));
        Assert.Equal(answered.SetupAt.UtcDateTime, call.SetupAt);
        Assert.True(rows[1].Interrupted);
        Assert.Equal((500, 41), (rows[1].FinalCode, rows[1].Q850Cause));
    }

    [Fact]
    public async Task Every_column_and_attempt_reads_back_through_the_model_as_written()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Setup.AddHours(1));
        var store = new DatabaseCdrStore(database.Options, clock, NullLogger<DatabaseCdrStore>.Instance);
        var failedOver = Final(7, tenant.Id) with
        {
            PhoneId = "pho_1",
            MappingGatewayId = "mgw_1",
            CallerSent = "15550001",
            CalleeSent = "9442071234567",
            Attempts =
            [
                new CdrAttemptRecord("rgw_1", "442071234567", Setup.AddSeconds(7), 503),
                new CdrAttemptRecord("rgw_2", "9442071234567", Setup.AddSeconds(7.25), 200),
            ],
        };
        // More rows than one statement carries, so the statement boundary is crossed.
        var many = Enumerable.Range(100, 120).Select(n => Final(n, tenant.Id)).Prepend(failedOver).ToList();

        await store.StoreAsync(many, TestContext.Current.CancellationToken);

        await using var db = database.ForTenant(tenant.Id);
        var rows = await db.Cdrs.AsNoTracking().OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(many.Count, rows.Count);
        var expected = CdrRows.From(failedOver);
        expected.CreatedAt = expected.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        expected.Version = 1;
        Assert.Equivalent(expected, rows.Single(r => r.Id == failedOver.Id), strict: true);
        Assert.All(rows, r => Assert.Equal((1L, DateTimeKind.Utc), (r.Version, r.CreatedAt.Kind)));
    }

    [Fact]
    public async Task Rows_hold_exactly_what_the_change_tracker_would_have_written()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var viaStore = new Tenant { Name = "store", SipDomain = "s.example.net", DefaultCurrency = "USD" };
        var viaTracker = new Tenant { Name = "tracker", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.AddRange(viaStore, viaTracker);
            await platform.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Setup.AddHours(1));
        var record = Final(9, viaStore.Id) with
        {
            Attempts = [new CdrAttemptRecord("rgw_1", "442071234567", Setup.AddSeconds(9.125), 486), new CdrAttemptRecord("rgw_2", "1442071234567", Setup.AddSeconds(10), 200)],
        };
        await new DatabaseCdrStore(database.Options, clock, NullLogger<DatabaseCdrStore>.Instance).StoreAsync([record], TestContext.Current.CancellationToken);
        await using (var tracked = new Softswitch.Data.SoftswitchDbContext(database.Options, new Softswitch.Data.FixedTenantContext(viaTracker.Id), clock))
        {
            tracked.Cdrs.Add(CdrRows.From(record with { Id = "cdr_tracked", TenantId = viaTracker.Id }));
            await tracked.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var db = database.Platform();
        var stored = await db.Database.SqlQueryRaw<string>(
            "SELECT json_array(CallId, AccountId, CallerReceived, CalleeReceived, SetupAt, RingingAt, AnswerAt, EndAt, PddMilliseconds, DurationMilliseconds, " +
            "FinalCode, Q850Cause, HangupSide, Interrupted, CreatedAt, UpdatedAt, Version, Attempts) AS Value FROM Cdrs ORDER BY TenantId = {0}",
            viaTracker.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[1], stored[0]);
    }
}
