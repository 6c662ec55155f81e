using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Jobs;
using Softswitch.Worker.Rollups;

namespace Softswitch.Api.Tests.Reports;

/// <summary>
/// Five CDRs whose report figures are worked out by hand in <see cref="ReportApiTests"/>; all on 2026-03-01 and 02.
/// </summary>
/// <remarks>
/// 1. trunk A, account 1, V2 503 then V1 answers: GB fixed line, 10:05, PDD 2 s, 90 s, billed 120 s, charge 0.024, cost 0.010.
/// 2. trunk A, account 1, V1 answers: GB mobile, 10:40, PDD 4 s, 30 s, billed 60 s, charge 0.05, cost 0.02.
/// 3. trunk A, account 1, V1 486: GB fixed line, 11:10, PDD 1 s, unrated.
/// 4. phone P, account 2, refused by call-rate (503), no attempt: US, 11:20.
/// 5. trunk B, account 2, V2 answers: US, 03-02 09:00, PDD 3 s, 60 s, billed 60 s, charge 0.01, cost 0.015 (a loss).
/// </remarks>
public static class ReportFixture
{
    public const string TrunkA = "mgw_trunk_a";
    public const string TrunkB = "mgw_trunk_b";
    public const string PhoneP = "phn_phone_p";
    public const string VendorV1 = "rgw_vendor_v1";
    public const string VendorV2 = "rgw_vendor_v2";
    public static readonly DateTime Day1 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<Cdr> Cdrs(string account1, string account2) =>
    [
        Call(TrunkA, null, account1, "442079460000", Day1.AddHours(10).AddMinutes(5), 2000, 90_000, 120, 0.024m, 0.010m, 200, null,
            (VendorV2, 503), (VendorV1, 200)),
        Call(TrunkA, null, account1, "447400123456", Day1.AddHours(10).AddMinutes(40), 4000, 30_000, 60, 0.05m, 0.02m, 200, null,
            (VendorV1, 200)),
        Call(TrunkA, null, account1, "442079460001", Day1.AddHours(11).AddMinutes(10), 1000, 0, 0, null, null, 486, null,
            (VendorV1, 486)),
        Call(null, PhoneP, account2, "12125550123", Day1.AddHours(11).AddMinutes(20), 5, 0, 0, null, null, 503, "call-rate"),
        Call(TrunkB, null, account2, "12125550123", Day1.AddDays(1).AddHours(9), 3000, 60_000, 60, 0.01m, 0.015m, 200, null,
            (VendorV2, 200)),
    ];

    public static Cdr Call(
        string? trunk, string? phone, string account, string callee, DateTime setup, int pdd, long durationMs, int billed,
        decimal? charge, decimal? cost, int code, string? rule, params (string Gateway, int Code)[] attempts) => new()
    {
        CallId = $"report-{Guid.NewGuid():n}",
        AccountId = account,
        MappingGatewayId = trunk,
        PhoneId = phone,
        RoutingGatewayId = attempts.Length > 0 ? attempts[^1].Gateway : null,
        CallerReceived = "15550001",
        CalleeReceived = callee,
        CalleeSent = attempts.Length > 0 ? callee : null,
        SetupAt = setup,
        AnswerAt = durationMs > 0 ? setup.AddMilliseconds(pdd) : null,
        EndAt = setup.AddMilliseconds(pdd + durationMs),
        PddMilliseconds = pdd,
        DurationMilliseconds = durationMs,
        BilledSeconds = billed,
        Charge = charge,
        Cost = cost,
        FinalCode = code,
        RefusalRule = rule,
        Attempts = [.. attempts.Select(a => new CdrAttempt { RoutingGatewayId = a.Gateway, CalleeSent = callee, StartedAt = setup, ResponseCode = a.Code })],
    };

    /// <summary>Stores CDRs for the tenant as the switch does, stamped with <paramref name="time"/>'s now.</summary>
    public static async Task InsertAsync(TestApplication app, string tenantId, IEnumerable<Cdr> cdrs, TimeProvider? time = null)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time ?? TimeProvider.System);
        db.Cdrs.AddRange(cdrs);
        await db.SaveChangesAsync();
    }

    public static CdrRollupJob Job(TestApplication app, TimeProvider? time = null, CdrRollupOptions? settings = null) => new(
        app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(),
        time ?? TimeProvider.System,
        Options.Create(settings ?? new CdrRollupOptions()),
        NullLogger<CdrRollupJob>.Instance);

    /// <summary>Folds everything stored so far, as the job would once it has settled.</summary>
    public static Task<int> FoldAllAsync(TestApplication app, string tenantId) =>
        Job(app).FoldTenantAsync(tenantId, DateTime.UtcNow.AddHours(1), CancellationToken.None);
}
