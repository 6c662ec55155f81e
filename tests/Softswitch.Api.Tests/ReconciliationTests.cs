using System.Net;
using System.Text;
using Softswitch.Api.Reconciliations;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>Issue 9 §7: a vendor's CDR file matched with our CDRs of its trunk, with a deviation alarm.</summary>
public sealed class ReconciliationTests
{
    private static readonly DateTime Noon = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Calls_pair_by_number_and_nearest_start_and_every_difference_is_counted()
    {
        OurCdr[] ours =
        [
            new("cdr_1", "442071000001", Noon, 60m, 0.60m),
            new("cdr_2", "442071000002", Noon.AddMinutes(1), 30m, 0.30m),
            new("cdr_3", "442071000003", Noon.AddMinutes(2), 90m, 0.90m),
            new("cdr_4", "442071000004", Noon.AddMinutes(3), 10m, 0.10m),
        ];
        VendorCdr[] theirs =
        [
            new(2, "+442071000001", Noon.AddSeconds(3), 60m, 0.60m), // the same call, 3 s apart: a match
            new(3, "442071000002", Noon.AddMinutes(1), 45m, 0.45m), // 15 s longer and dearer: a duration and a charge mismatch
            new(4, "442071000003", Noon.AddMinutes(2), 90m, 1.20m), // a charge mismatch
            new(5, "442071000009", Noon.AddMinutes(4), 20m, 0.20m), // not ours
        ];
        var result = new Reconciliation { StartToleranceSeconds = 10, DurationToleranceSeconds = 1, ChargeTolerance = 0.01m, AlarmThresholdPercent = 5m };

        CdrMatcher.Reconcile(result, ours, theirs);

        Assert.Equal((4, 4, 3, 1, 1, 1, 2), (result.OurCalls, result.TheirCalls, result.Matched, result.MissingOurs, result.MissingTheirs, result.DurationMismatches, result.ChargeMismatches));
        Assert.Equal((1.90m, 2.45m, 190L, 215L), (result.OurCost, result.TheirCharge, result.OurSeconds, result.TheirSeconds));
        // |2.45 − 1.90| / 1.90 = 28.9474 %
        Assert.Equal((28.9474m, true), (result.DeviationPercent, result.AlarmRaised));
        Assert.Equal(
            [(MismatchKind.Duration, "cdr_2", (int?)3), (MismatchKind.Charge, "cdr_3", 4), (MismatchKind.MissingOurs, null, 5), (MismatchKind.MissingTheirs, "cdr_4", null)],
            result.Mismatches.Select(m => (m.Kind, m.CdrId, m.Line)));
    }

    [Fact]
    public async Task A_vendor_file_is_reconciled_through_the_api_and_a_deviation_raises_the_tenants_alarm()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var resources = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var gateway = resources.RoutingGatewayId;
        await TenantFixtures.InsertCdrAsync(app, tenant.Id, Answered(gateway, "442071000001", Noon, 60, 0.60m));
        await TenantFixtures.InsertCdrAsync(app, tenant.Id, Answered(gateway, "442071000002", Noon.AddMinutes(1), 30, 0.30m));
        const string file = "CLD,Connect time,Seconds,Amount\r\n"
            + "442071000001,2026-11-30T12:00:02Z,60,0.60\r\n"
            + "442071000002,2026-11-30T12:01:00Z,30,0.90\r\n"
            + "442071000777,2026-12-01T00:00:00Z,30,9.99\r\n"; // outside the period

        using var content = new StringContent(file, Encoding.UTF8, "text/csv");
        using var posted = await tenant.Client.PostAsync(
            $"/v1/reconciliations?routing_gateway_id={gateway}&from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z&callee_column=CLD&start_column=Connect%20time&duration_column=Seconds&charge_column=Amount&alarm_threshold_percent=10",
            content, Ct);
        var result = await posted.ReadObjectAsync();
        var alarms = (await (await tenant.Client.GetAsync("/v1/security-events?rule=reconciliation-deviation", Ct)).ReadObjectAsync())["data"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal((2, 2, 0, 1), (result["matched"]!.GetValue<int>(), result["their_calls"]!.GetValue<int>(), result["missing_ours"]!.GetValue<int>(), result["charge_mismatches"]!.GetValue<int>()));
        Assert.Equal((0.90m, 1.50m, 66.6667m, true), (result["our_cost"]!.GetValue<decimal>(), result["their_charge"]!.GetValue<decimal>(), result["deviation_percent"]!.GetValue<decimal>(), result["alarm_raised"]!.GetValue<bool>()));
        Assert.Equal("alert", Assert.Single(alarms)!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_that_does_not_name_its_columns_is_refused_with_the_reason()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var resources = await TenantFixtures.CreateOneOfEachAsync(app, tenant);

        using var content = new StringContent("number,when\r\n4420,yesterday\r\n", Encoding.UTF8, "text/csv");
        using var posted = await tenant.Client.PostAsync(
            $"/v1/reconciliations?routing_gateway_id={resources.RoutingGatewayId}&from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("no column named 'callee'", (await posted.ReadObjectAsync())["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Cdr Answered(string gateway, string callee, DateTime answer, int seconds, decimal cost) => new()
    {
        CallId = $"call-{Guid.NewGuid():n}", RoutingGatewayId = gateway, CallerReceived = "15550001", CalleeReceived = callee, CalleeSent = callee,
        SetupAt = answer.AddSeconds(-3), AnswerAt = answer, EndAt = answer.AddSeconds(seconds), DurationMilliseconds = seconds * 1000L,
        FinalCode = 200, Q850Cause = 16, HangupSide = HangupSide.Caller, Cost = cost,
    };
}
