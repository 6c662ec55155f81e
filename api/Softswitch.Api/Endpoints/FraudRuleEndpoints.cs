using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/fraud-rules</c>: the tenant's dynamic-blacklist rules (issue 8 §4). A change is in force in the switch for
/// new calls within 2 seconds. <c>POST /{id}/backtest</c> replays a rule over stored CDRs.
/// </summary>
public static class FraudRuleEndpoints
{
    private const string Resource = "fraud rule";
    private const int MaxPerTenant = 100;
    private const int MaxLevel = 1_000_000;
    private const int MaxWindowSeconds = 7 * 86_400;
    private const int MaxExpireSeconds = 30 * 86_400;

    public static void MapFraudRules(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/fraud-rules").WithTags("Fraud rules");
        group.MapGet("", ListAsync).WithName("ListFraudRules").WithSummary("List the tenant's dynamic-blacklist rules");
        group.MapGet("/{id}", GetAsync).WithName("GetFraudRule").WithSummary("Get a dynamic-blacklist rule");
        group.MapPost("", CreateAsync).WithName("CreateFraudRule").WithSummary("Create a dynamic-blacklist rule")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateFraudRule").WithSummary("Replace a dynamic-blacklist rule")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteFraudRule").WithSummary("Delete a dynamic-blacklist rule (its entries stay until they expire)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPost("/{id}/backtest", FraudRuleBacktest.RunAsync).WithName("BacktestFraudRule")
            .WithSummary("Replay a rule over the stored CDRs of a time range: what it would have blocked, and when");
    }

    private static Task<Results<Ok<Page<FraudRuleResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.FraudRules, limit, cursor, FraudRuleMapping.AsResponse, http);

    private static Task<Results<Ok<FraudRuleResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.FraudRules, id, Resource, FraudRuleMapping.AsResponse, http);

    private static async Task<Results<Created<FraudRuleResponse>, ValidationProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, FraudRuleRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.FraudRules.AnyAsync(r => r.Name == name, http.RequestAborted))
        {
            return ApiProblems.Conflict($"A fraud rule named '{name}' exists already.");
        }

        if (await db.FraudRules.CountAsync(http.RequestAborted) >= MaxPerTenant)
        {
            return new FieldErrors().Add("name", $"would pass the limit of {MaxPerTenant} fraud rules per tenant.")
                .ToRefusal();
        }

        var rule = new FraudRule();
        Apply(rule, request);
        db.FraudRules.Add(rule);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/fraud-rules/{rule.Id}", rule, FraudRuleMapping.AsResponse);
    }

    private static Task<Results<Ok<FraudRuleResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, FraudRuleRequest request) =>
        EntityOperations.ReplaceAsync(db, db.FraudRules, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, cancellationToken),
            apply: rule => Apply(rule, request),
            refuse: async (_, cancellationToken) =>
            {
                var name = request.Name!.Trim();
                return await db.FraudRules.AnyAsync(r => r.Name == name && r.Id != id, cancellationToken)
                    ? ApiProblems.Conflict($"A fraud rule named '{name}' exists already.")
                    : null;
            },
            FraudRuleMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.FraudRules, id, Resource, http);

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, FraudRuleRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, FraudRule.NameMaxLength)
            .Range("blocking_level", request.BlockingLevel, 1, MaxLevel)
            .Range("warning_level", request.WarningLevel, 0, MaxLevel)
            .Range("window_seconds", request.WindowSeconds, 1, MaxWindowSeconds)
            .Range("expire_seconds", request.ExpireSeconds, 0, MaxExpireSeconds)
            .Range("min_answered_seconds", request.MinAnsweredSeconds, 0, 3_600)
            .Range("prefix_length", request.PrefixLength, 0, 15);
        if (request.Kind is not { } kind)
        {
            errors.Add("kind", "is required.");
        }
        else
        {
            errors.Defined("kind", kind);
            if (kind is not (FraudRuleKind.CallerConcurrency or FraudRuleKind.ScannerDestinations) && request.WindowSeconds is null)
            {
                errors.Add("window_seconds", "is required for this kind of rule.");
            }

            if (kind == FraudRuleKind.ScannerDestinations && request.ExpireSeconds is not > 0)
            {
                errors.Add("expire_seconds", "is required for scanner destinations: how long a number stays blocked after a scanner dialled it.");
            }
        }

        if (request.BlockingLevel is null && request.Kind != FraudRuleKind.ScannerDestinations)
        {
            errors.Add("blocking_level", "is required.");
        }
        else if (request.WarningLevel is { } warning && warning >= request.BlockingLevel)
        {
            errors.Add("warning_level", "must be lower than blocking_level.");
        }

        if (request.ResponseCode is { } status && status is < 400 or > 699)
        {
            errors.Add("response_code", "must be a final error status (400-699).");
        }

        if (request.Scope is { } scope)
        {
            errors.Defined("scope", scope);
        }

        if (request.CountBy is { } countBy && countBy == BlacklistSubject.Callee)
        {
            errors.Add("count_by", "must be caller or account.");
        }

        var gateways = request.MappingGatewayIds ?? [];
        if (request.Scope == FraudRuleScope.Standalone && gateways.Count == 0)
        {
            errors.Add("mapping_gateway_ids", "must name at least one mapping gateway for the standalone scope.");
        }
        else if (request.Scope != FraudRuleScope.Standalone && gateways.Count > 0)
        {
            errors.Add("mapping_gateway_ids", "is only for the standalone scope.");
        }
        else if (gateways.Count > FraudRule.MaxGateways)
        {
            errors.Add("mapping_gateway_ids", $"must name at most {FraudRule.MaxGateways} gateways.");
        }
        else
        {
            foreach (var gatewayId in gateways.Distinct())
            {
                await References.CheckAsync(db.MappingGateways, "mapping_gateway_ids", gatewayId, "mapping gateway", errors, cancellationToken);
            }
        }

        return errors;
    }

    private static void Apply(FraudRule rule, FraudRuleRequest request)
    {
        rule.Name = request.Name!.Trim();
        rule.Kind = request.Kind!.Value;
        rule.Scope = request.Scope ?? FraudRuleScope.Central;
        rule.MappingGatewayIds = request.MappingGatewayIds?.Distinct().ToList() ?? [];
        rule.WarningLevel = request.WarningLevel;
        rule.BlockingLevel = request.BlockingLevel ?? 0;
        rule.WindowSeconds = request.WindowSeconds ?? 0;
        rule.ExpireSeconds = request.ExpireSeconds ?? 0;
        rule.MonitorOnly = request.MonitorOnly ?? false;
        rule.Enabled = request.Enabled ?? true;
        rule.MinAnsweredSeconds = request.MinAnsweredSeconds ?? 0;
        rule.PrefixLength = request.PrefixLength ?? 0;
        rule.CountBy = request.CountBy ?? BlacklistSubject.Caller;
        rule.ResponseCode = request.ResponseCode ?? BlacklistDecision.DefaultResponseCode;
    }
}
