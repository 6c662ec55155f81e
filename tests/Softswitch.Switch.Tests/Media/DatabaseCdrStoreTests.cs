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
}
