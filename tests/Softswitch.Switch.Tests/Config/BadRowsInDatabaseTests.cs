using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Domain;
using Softswitch.Media.Config;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Media;

namespace Softswitch.Switch.Tests.Config;

/// <summary>
/// Rows written around the API straight into the SQLite file (as old rows or a hand-edited database would be) sit
/// beside a good tenant's rows; the good tenant's changes must still reach the switch.
/// </summary>
public sealed class BadRowsInDatabaseTests
{
    [Fact]
    public async Task Bad_rows_of_one_tenant_are_skipped_and_logged_and_another_tenants_changes_still_take_effect()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var good = await SeedTenantAsync(database, "good");
        var rogue = await SeedTenantAsync(database, "rogue");
        var sloppy = await SeedTenantAsync(database, "sloppy");
        await using (var sql = database.Platform())
        {
            // Plain SQL on the file, past every check the API and the data layer make.
            Assert.Equal(1, await sql.Database.ExecuteSqlRawAsync("UPDATE Tenants SET SipDomain = 'GOOD.Example.NET' WHERE Id = {0}", rogue.TenantId));
            Assert.Equal(1, await sql.Database.ExecuteSqlRawAsync("UPDATE RoutingGateways SET Port = 70000 WHERE Id = {0}", sloppy.RoutingGatewayId));
            Assert.Equal(1, await sql.Database.ExecuteSqlRawAsync("UPDATE MappingGateways SET SourceAddresses = '[\"198.51.100.300/33\"]' WHERE Id = {0}", sloppy.MappingGatewayId));
            Assert.Equal(1, await sql.Database.ExecuteSqlRawAsync("UPDATE Routes SET RoutingGatewayIds = '[\"gw_does_not_exist\"]' WHERE Id = {0}", sloppy.RouteId));
            await sql.Database.ExecuteSqlRawAsync("DROP INDEX IX_Phones_TenantId_Username");
        }

        string duplicatePhone;
        await using (var db = database.ForTenant(sloppy.TenantId))
        {
            var phone = new Phone { AccountId = sloppy.ClientId, Username = "1001" };
            phone.SetPassword("sloppy.example.net", "other");
            db.Phones.Add(phone);
            await db.SaveChangesAsync();
            duplicatePhone = phone.Id;
        }

        var source = new SwitchConfigSource();
        var logger = new ListLogger<SwitchConfigRefresher>();
        var refresher = new SwitchConfigRefresher(new DatabaseConfigSnapshotLoader(database.Options, TimeProvider.System), source, TimeProvider.System, logger);

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var first = source.Current;
        await using (var db = database.ForTenant(good.TenantId))
        {
            db.Routes.Add(new Route { Name = "London", Prefix = "4420", RoutingGatewayIds = [good.RoutingGatewayId] });
            await db.SaveChangesAsync();
        }

        var changed = await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.True(changed);
        Assert.Equal("4420", source.Current.FindRoute(good.TenantId, "442071234567")?.Prefix);
        Assert.Equal(good.TenantId, source.Current.FindTenantByDomain("good.example.net")?.TenantId);
        Assert.False(source.Current.Tenants.ContainsKey(rogue.TenantId));
        Assert.NotNull(source.Current.FindPhone("sloppy.example.net", "1001"));
        Assert.Empty(source.Current.FindRoute(sloppy.TenantId, "1")!.Gateways);
        Assert.Equivalent(
            new[]
            {
                ("tenants", rogue.TenantId, rogue.TenantId),
                ("mapping_gateways", sloppy.TenantId, sloppy.MappingGatewayId),
                ("routing_gateways", sloppy.TenantId, sloppy.RoutingGatewayId),
                ("phones", sloppy.TenantId, duplicatePhone),
                ("routes", sloppy.TenantId, sloppy.RouteId),
            },
            first.Problems.Select(p => (p.Table, p.TenantId, p.RowId)).ToArray());
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(5, warnings.Count);
        Assert.Contains(warnings, w => Equals(w.Values["TenantId"], sloppy.TenantId) && Equals(w.Values["RowId"], sloppy.RoutingGatewayId));
        Assert.Contains(warnings, w => Equals(w.Values["TenantId"], rogue.TenantId) && Equals(w.Values["Table"], "tenants"));
    }

    private static async Task<SeededTenant> SeedTenantAsync(SqliteDatabase database, string name)
    {
        var tenant = new Tenant { Name = name, SipDomain = $"{name}.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
        }

        await using var db = database.ForTenant(tenant.Id);
        var client = new Account { Name = "Client", Kind = AccountKind.Client, Currency = "USD" };
        var vendor = new Account { Name = "Vendor", Kind = AccountKind.Vendor, Currency = "USD" };
        db.Accounts.AddRange(client, vendor);
        await db.SaveChangesAsync();
        var phone = new Phone { AccountId = client.Id, Username = "1001" };
        phone.SetPassword(tenant.SipDomain, "secret");
        var routing = new RoutingGateway { AccountId = vendor.Id, Name = "Vendor GW", Host = "192.0.2.10" };
        var mapping = new MappingGateway { AccountId = client.Id, Name = "In", SourceAddresses = [$"198.51.100.{name.Length}"] };
        db.Phones.Add(phone);
        db.RoutingGateways.Add(routing);
        db.MappingGateways.Add(mapping);
        await db.SaveChangesAsync();
        var route = new Route { Name = "Default", Prefix = "", RoutingGatewayIds = [routing.Id] };
        db.Routes.Add(route);
        await db.SaveChangesAsync();
        return new SeededTenant(tenant.Id, client.Id, mapping.Id, routing.Id, route.Id);
    }

    private sealed record SeededTenant(string TenantId, string ClientId, string MappingGatewayId, string RoutingGatewayId, string RouteId);
}
