using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Worker.Jobs;
using Softswitch.Worker.Rollups;
using Domain = Softswitch.Domain;

namespace Softswitch.Sdk.Tests.Infrastructure;

/// <summary>
/// Rows no API operation makes — CDRs (the switch's), alarms, exhausted webhook deliveries and report rollups (the
/// worker's jobs') — stored as their writers store them: through a context fixed to the tenant.
/// </summary>
internal static class SwitchRecords
{
    public static readonly DateTime Noon = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A one-minute call answered at <paramref name="answerAt"/>, rated at <paramref name="charge"/>.</summary>
    public static Task<string> InsertAnsweredCdrAsync(
        SdkTestApplication app, string tenantId, string? accountId, string? routingGatewayId, string callee, DateTime answerAt, decimal charge) =>
        AddAsync(app, tenantId, new Domain.Cdr
        {
            CallId = $"call-{Guid.NewGuid():n}", AccountId = accountId, RoutingGatewayId = routingGatewayId, CallerReceived = "15550001",
            CalleeReceived = callee, CalleeSent = callee, SetupAt = answerAt.AddSeconds(-1), AnswerAt = answerAt, EndAt = answerAt.AddMinutes(1),
            DurationMilliseconds = 60_000, FinalCode = 200, Q850Cause = 16, HangupSide = Domain.HangupSide.Caller, BilledSeconds = 60,
            Charge = charge, Cost = charge / 2, RatePrefix = "44",
            Attempts = routingGatewayId is null
                ? []
                : [new Domain.CdrAttempt { RoutingGatewayId = routingGatewayId, CalleeSent = callee, StartedAt = answerAt.AddSeconds(-1), ResponseCode = 200 }],
        });

    /// <summary>An open long-call alarm of <paramref name="ruleId"/> about an account, as the alarm-evaluation job stores one.</summary>
    public static Task<string> InsertAlarmAsync(SdkTestApplication app, string tenantId, string ruleId, string accountId) =>
        AddAsync(app, tenantId, new Domain.Alarm
        {
            RuleId = ruleId, Kind = Domain.AlarmKind.LongCall, SubjectType = "account", SubjectId = accountId, WindowKey = "cdr_1", Observed = 7200m,
            Threshold = 3600m, Evidence = "a call of 2 hours", CdrIds = ["cdr_1"], FiredAt = DateTime.UtcNow, State = Domain.AlarmState.Open,
            EmailStatus = Domain.AlarmEmailStatus.NotConfigured,
        });

    /// <summary>A delivery the retry job gave up on: failed after its last round.</summary>
    public static async Task<string> InsertFailedDeliveryAsync(SdkTestApplication app, string tenantId, string endpointId)
    {
        var eventId = Domain.WebhookEventIds.New(DateTimeOffset.UtcNow);
        await AddAsync(app, tenantId, new Domain.WebhookEvent
        {
            Id = eventId, Type = Domain.WebhookEventTypes.CallCompleted, OccurredAt = DateTime.UtcNow, Payload = "{}",
        });
        return await AddAsync(app, tenantId, new Domain.WebhookDelivery
        {
            EndpointId = endpointId, EventId = eventId, EventType = Domain.WebhookEventTypes.CallCompleted,
            Status = Domain.WebhookDeliveryStatus.Failed, Attempts = 8, ResponseCode = 500,
        });
    }

    /// <summary>Folds every CDR stored so far into the report rollups, as the rollup job does once they have settled.</summary>
    public static Task<int> FoldRollupsAsync(SdkTestApplication app, string tenantId) =>
        new CdrRollupJob(
            app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(), TimeProvider.System,
            Options.Create(new CdrRollupOptions()), NullLogger<CdrRollupJob>.Instance)
            .FoldTenantAsync(tenantId, DateTime.UtcNow.AddHours(1), CancellationToken.None);

    private static async Task<string> AddAsync<TEntity>(SdkTestApplication app, string tenantId, TEntity row)
        where TEntity : class
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), TimeProvider.System);
        db.Add(row);
        await db.SaveChangesAsync();
        return (string)db.Entry(row).Property("Id").CurrentValue!;
    }
}
