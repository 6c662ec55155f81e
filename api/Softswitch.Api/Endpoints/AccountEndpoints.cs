using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/accounts</c>: customer and vendor accounts with balance, credit limit and access-IP bindings.</summary>
public static class AccountEndpoints
{
    private const string Resource = "account";
    private const int MaxAccessIps = 100;
    private const decimal MaxMoney = 1_000_000_000_000m;

    public static void MapAccounts(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/accounts").WithTags("Accounts");
        group.MapGet("", ListAsync).WithName("ListAccounts").WithSummary("List accounts");
        group.MapGet("/{id}", GetAsync).WithName("GetAccount").WithSummary("Get an account");
        group.MapPost("", CreateAsync).WithName("CreateAccount").WithSummary("Create an account")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateAccount").WithSummary("Replace an account's settings")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteAccount").WithSummary("Delete an account not used by phones or gateways")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<AccountResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor,
        string? kind, string? status, string? currency, string? name)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var kindFilter = errors.EnumName<AccountKind>("kind", kind);
        var statusFilter = errors.EnumName<AccountStatus>("status", status);
        errors.Optional("name", name, Account.NameMaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Accounts.AsQueryable();
        if (kindFilter is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (!string.IsNullOrEmpty(currency))
        {
            query = query.Where(a => a.Currency == currency);
        }

        if (!string.IsNullOrEmpty(name))
        {
            query = query.Where(a => a.Name.StartsWith(name));
        }

        return TypedResults.Ok(await query.ToPageAsync(page, AccountMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<AccountResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Accounts, id, Resource, AccountMapping.AsResponse, http);

    private static async Task<Results<Created<AccountResponse>, ValidationProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, AccountCreateRequest request)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, Account.NameMaxLength)
            .Currency("currency", request.Currency)
            .Range("balance", request.Balance, -MaxMoney, MaxMoney)
            .Range("credit_limit", request.CreditLimit, 0m, MaxMoney)
            .AddressList("access_ips", request.AccessIps, MaxAccessIps, required: false)
            .Optional("notes", request.Notes, Account.NotesMaxLength)
            .Range("max_concurrent_calls", request.MaxConcurrentCalls, 1, 100_000)
            .Range("max_calls_per_second", request.MaxCallsPerSecond, 1, 10_000)
            .Range("max_call_duration_seconds", request.MaxCallDurationSeconds, 1, 86_400)
            .NumberRule("destinations", request.Destinations)
            .Range("low_balance_threshold", request.LowBalanceThreshold, -MaxMoney, MaxMoney);
        if (request.Kind is null)
        {
            errors.Add("kind", "is required: client or vendor.");
        }

        await References.CheckAsync(db.RateTables, "rate_table_id", request.RateTableId, "rate table", errors, http.RequestAborted);
        await NumberRuleValidation.CheckGroupsAsync(db, "destinations", request.Destinations, errors, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var account = new Account
        {
            Id = IdGenerator.New(IdPrefix.Account, time.GetUtcNow()),
            Name = request.Name!.Trim(),
            Kind = request.Kind!.Value,
            Currency = request.Currency!,
            Balance = request.Balance ?? 0m,
            CreditLimit = request.CreditLimit ?? 0m,
            Status = request.Status ?? AccountStatus.Active,
            AccessIps = Normalize(request.AccessIps),
            RateTableId = request.RateTableId,
            Notes = request.Notes,
            MaxConcurrentCalls = request.MaxConcurrentCalls,
            MaxCallsPerSecond = request.MaxCallsPerSecond,
            MaxCallDurationSeconds = request.MaxCallDurationSeconds,
            Destinations = request.Destinations.AsRule(),
            BlockInternational = request.BlockInternational ?? false,
            BlockPremium = request.BlockPremium ?? false,
            LowBalanceThreshold = request.LowBalanceThreshold,
        };
        db.Accounts.Add(account);
        if (account.Balance != 0m)
        {
            // The balance is the ledger's sum from the first entry on.
            account.LedgerSequence = 1;
            db.LedgerEntries.Add(new LedgerEntry
            {
                AccountId = account.Id, Sequence = 1, Kind = LedgerEntryKind.Opening, Amount = account.Balance, BalanceAfter = account.Balance,
                Description = "Opening balance", Actor = ApiCaller.From(http.User).KeyId,
            });
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/accounts/{account.Id}", account, AccountMapping.AsResponse);
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, MissingOrStale>> UpdateAsync(SoftswitchDbContext db, HttpContext http, string id, AccountUpdateRequest request)
    {
        var (account, failure) = await EntityOperations.LoadForUpdateAsync(db.Accounts, id, Resource, http);
        if (account is null)
        {
            return failure!;
        }

        var errors = new FieldErrors()
            .Required("name", request.Name, Account.NameMaxLength)
            .Range("credit_limit", request.CreditLimit, 0m, MaxMoney)
            .AddressList("access_ips", request.AccessIps, MaxAccessIps, required: false)
            .Optional("notes", request.Notes, Account.NotesMaxLength)
            .Range("max_concurrent_calls", request.MaxConcurrentCalls, 1, 100_000)
            .Range("max_calls_per_second", request.MaxCallsPerSecond, 1, 10_000)
            .Range("max_call_duration_seconds", request.MaxCallDurationSeconds, 1, 86_400)
            .NumberRule("destinations", request.Destinations)
            .Range("low_balance_threshold", request.LowBalanceThreshold, -MaxMoney, MaxMoney);
        if (request.CreditLimit is null)
        {
            errors.Add("credit_limit", "is required.");
        }

        if (request.Status is null)
        {
            errors.Add("status", "is required: active, suspended or closed.");
        }

        await References.CheckAsync(db.RateTables, "rate_table_id", request.RateTableId, "rate table", errors, http.RequestAborted);
        await NumberRuleValidation.CheckGroupsAsync(db, "destinations", request.Destinations, errors, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        account.Name = request.Name!.Trim();
        account.CreditLimit = request.CreditLimit!.Value;
        account.Status = request.Status!.Value;
        account.AccessIps = Normalize(request.AccessIps);
        account.RateTableId = request.RateTableId;
        account.Notes = request.Notes;
        account.MaxConcurrentCalls = request.MaxConcurrentCalls;
        account.MaxCallsPerSecond = request.MaxCallsPerSecond;
        account.MaxCallDurationSeconds = request.MaxCallDurationSeconds;
        account.Destinations = request.Destinations.AsRule();
        account.BlockInternational = request.BlockInternational ?? false;
        account.BlockPremium = request.BlockPremium ?? false;
        account.LowBalanceThreshold = request.LowBalanceThreshold;
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Updated(http, account, AccountMapping.AsResponse);
    }

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.Accounts, id, Resource, http);

    private static List<string> Normalize(List<string>? blocks) =>
        blocks?.Select(b => CidrBlock.Parse(b).ToString()).Distinct().ToList() ?? [];
}
