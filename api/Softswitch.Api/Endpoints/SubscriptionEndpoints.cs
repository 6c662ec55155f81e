using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Data.Billing;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/accounts/{id}/subscriptions</c>: an account's packages. Subscribing charges the first month's rent at once
/// through the ledger (refused when the account cannot pay it); the <c>package-renewals</c> job renews month by month.
/// DELETE cancels: the subscription ends now, nothing is refunded.
/// </summary>
public static class SubscriptionEndpoints
{
    private const string Resource = "subscription";

    public static void MapSubscriptions(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/accounts/{accountId}/subscriptions").WithTags("Billing");
        group.MapGet("", ListAsync).WithName("ListSubscriptions").WithSummary("List an account's package subscriptions");
        group.MapGet("/{id}", GetAsync).WithName("GetSubscription").WithSummary("Get a subscription");
        group.MapPost("", CreateAsync).WithName("CreateSubscription").WithSummary("Subscribe the account to a package and charge the first rent")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", CancelAsync).WithName("CancelSubscription").WithSummary("Cancel a subscription now")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<SubscriptionResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(SoftswitchDbContext db, HttpContext http, string accountId, int? limit, string? cursor)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return ApiProblems.NotFound("account", accountId);
        }

        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.AccountId == accountId).ToPageAsync(page, s => s, http.RequestAborted);
        var usage = await CurrentPackageUsage.ForAsync(db, [.. subscriptions.Data], http.RequestAborted);
        return TypedResults.Ok(new Page<SubscriptionResponse>(
            [.. subscriptions.Data.Select(s => s.AsResponse(usage.GetValueOrDefault(s.Id)))], subscriptions.HasMore, subscriptions.NextCursor));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string accountId, string id)
    {
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == accountId && s.Id == id, http.RequestAborted);
        if (subscription is null)
        {
            return ApiProblems.NotFound(Resource, id);
        }

        var usage = await CurrentPackageUsage.ForAsync(db, [subscription], http.RequestAborted);
        return EntityOperations.Updated(http, subscription, s => s.AsResponse(usage.GetValueOrDefault(s.Id)));
    }

    private static async Task<Results<Created<SubscriptionResponse>, ValidationProblem, NotFoundProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string accountId, SubscriptionRequest request)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, http.RequestAborted);
        if (account is null)
        {
            return ApiProblems.NotFound("account", accountId);
        }

        var errors = new FieldErrors().Required("package_id", request.PackageId, IdGenerator.MaxLength);
        var package = errors.Any ? null : await db.Packages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PackageId, http.RequestAborted);
        var start = request.StartsAt is { } given ? RateRules.AsUtc(given) : time.GetUtcNow().UtcDateTime;
        if (!errors.Any && package is null)
        {
            errors.Add("package_id", $"no package '{request.PackageId}' exists in this tenant.");
        }
        else if (package is not null && package.Currency != account.Currency)
        {
            errors.Add("package_id", $"the package is in {package.Currency}, the account in {account.Currency}.");
        }
        else if (package is not null && (start < package.EffectiveFrom || package.ExpiresAt <= start))
        {
            errors.Add("starts_at", "must fall within the package's effective_from and expires_at.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var subscription = new Subscription
        {
            AccountId = accountId, PackageId = package!.Id, StartsAt = start, Status = SubscriptionStatus.Active, PeriodsPaid = 1,
            PaidThrough = start.AddMonths(1),
        };
        var actor = ApiCaller.From(http.User).KeyId;
        var charged = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Subscription: subscription, Package: package, Actor: actor),
            static async (_, state, token) =>
            {
                state.Db.ChangeTracker.Clear();
                await using var transaction = await state.Db.Database.BeginTransactionAsync(token);
                if (state.Package.MonthlyRent > await PackageBilling.AvailableFundsAsync(state.Db, state.Subscription.AccountId, token))
                {
                    return false;
                }

                state.Db.Subscriptions.Add(state.Subscription);
                await state.Db.SaveChangesAsync(token);
                await PackageBilling.ChargeOnceAsync(state.Db, state.Subscription, state.Subscription.StartsAt, PackageChargeKind.Rent, state.Package.MonthlyRent, state.Actor, token);
                await transaction.CommitAsync(token);
                return true;
            },
            verifySucceeded: null,
            http.RequestAborted);
        return charged
            ? EntityOperations.Created(http, $"/v1/accounts/{accountId}/subscriptions/{subscription.Id}", subscription, s => s.AsResponse(null))
            : new FieldErrors().Add("package_id", $"the account cannot pay the first month's rent of {package.MonthlyRent}.").ToProblem();
    }

    private static async Task<Results<Ok<SubscriptionResponse>, NotFoundProblem>> CancelAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, string accountId, string id)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.AccountId == accountId && s.Id == id, http.RequestAborted);
        if (subscription is null)
        {
            return ApiProblems.NotFound(Resource, id);
        }

        if (subscription.Status == SubscriptionStatus.Active)
        {
            subscription.Status = SubscriptionStatus.Cancelled;
            subscription.EndedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(http.RequestAborted);
        }

        var usage = await CurrentPackageUsage.ForAsync(db, [subscription], http.RequestAborted);
        return EntityOperations.Updated(http, subscription, s => s.AsResponse(usage.GetValueOrDefault(s.Id)));
    }
}
