using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>Reconciliations</c>: a vendor's CDR file sent as CSV through the SDK, read and listed back.</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public async Task A_vendor_file_is_reconciled_read_and_listed()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Reconcile");
        using var client = app.Sdk(key);
        var vendor = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Carrier", Kind = AccountKind.Vendor, Currency = "USD" });
        var trunk = await client.RoutingGateways.CreateAsync(new RoutingGatewayOptions { AccountId = vendor.Id, Name = "carrier", Host = "192.0.2.10" });
        await SwitchRecords.InsertAnsweredCdrAsync(app, tenantId, null, trunk.Id, "442071000001", SwitchRecords.Noon, 1.20m);
        const string file = "CLD,Connect time,Seconds,Amount\r\n"
            + "442071000001,2026-03-01T12:00:02Z,60,0.60\r\n"
            + "442071000009,2026-03-01T12:30:00Z,30,0.30\r\n";

        var created = await client.Reconciliations.CreateAsync(new ReconciliationCreateOptions
        {
            RoutingGatewayId = trunk.Id, From = new DateTimeOffset(SwitchRecords.Noon.Date), To = new DateTimeOffset(SwitchRecords.Noon.Date.AddDays(1)),
            CalleeColumn = "CLD", StartColumn = "Connect time", DurationColumn = "Seconds", ChargeColumn = "Amount",
            StartToleranceSeconds = 5, DurationToleranceSeconds = 2, ChargeTolerance = 0.02m, AlarmThresholdPercent = 80m,
        }, file);
        var read = await client.Reconciliations.GetAsync(created.Id);
        var listed = await client.Reconciliations.ListAsync();
        var paged = await client.Reconciliations.ListAutoPagingAsync().ToListAsync();

        Assert.Equal((1, 2, 1, 1, 0), (read.OurCalls, read.TheirCalls, read.Matched, read.MissingOurs, read.MissingTheirs));
        Assert.Equal((0.60m, 0.90m, 50m, false), (read.OurCost, read.TheirCharge, read.DeviationPercent, read.AlarmRaised));
        Assert.Equal((5, 2, 0.02m, 80m), (read.StartToleranceSeconds, read.DurationToleranceSeconds, read.ChargeTolerance, read.AlarmThresholdPercent));
        var mismatch = Assert.Single(read.Mismatches);
        Assert.Equal((MismatchKind.MissingOurs, "442071000009", (int?)3), (mismatch.Kind, mismatch.Callee, mismatch.Line));
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(created.Id, Assert.Single(paged).Id);
    }
}
