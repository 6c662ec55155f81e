using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/phones</c>: SIP user agents that register with the tenant's SIP domain as digest realm.</summary>
public static partial class PhoneEndpoints
{
    private const string Resource = "phone";
    private const int MinPasswordLength = 8;
    private const int MaxPasswordLength = 128;

    public static void MapPhones(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/phones").WithTags("Phones");
        group.MapGet("", ListAsync).WithName("ListPhones").WithSummary("List phones");
        group.MapGet("/{id}", GetAsync).WithName("GetPhone").WithSummary("Get a phone");
        group.MapPost("", CreateAsync).WithName("CreatePhone").WithSummary("Create a phone")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdatePhone").WithSummary("Replace a phone")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeletePhone").WithSummary("Delete a phone no route targets")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<PhoneResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? accountId, string? status, string? username)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var statusFilter = errors.EnumName<PhoneStatus>("status", status);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Phones.AsQueryable();
        if (!string.IsNullOrEmpty(accountId))
        {
            query = query.Where(p => p.AccountId == accountId);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (!string.IsNullOrEmpty(username))
        {
            query = query.Where(p => p.Username == username);
        }

        var domain = await SipDomainAsync(db, http);
        return TypedResults.Ok(await query.ToPageAsync(page, p => p.AsResponse(domain), http.RequestAborted));
    }

    private static async Task<Results<Ok<PhoneResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id)
    {
        var domain = await SipDomainAsync(db, http);
        return await EntityOperations.GetAsync(db.Phones, id, Resource, p => p.AsResponse(domain), http);
    }

    private static async Task<Results<Created<PhoneResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, PhoneRequest request)
    {
        var errors = await ValidateAsync(db, request, passwordRequired: true, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.Phones.AnyAsync(p => p.Username == request.Username, http.RequestAborted))
        {
            return ApiProblems.Conflict($"A phone with user name '{request.Username}' already exists in this tenant.");
        }

        if (request.Number is { } number && await db.Phones.AnyAsync(p => p.Number == number, http.RequestAborted))
        {
            return NumberTaken(number);
        }

        var domain = await SipDomainAsync(db, http);
        var phone = new Phone();
        Apply(phone, request, domain);
        db.Phones.Add(phone);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/phones/{phone.Id}", phone, p => p.AsResponse(domain));
    }

    private static async Task<Results<Ok<PhoneResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(SoftswitchDbContext db, HttpContext http, string id, PhoneRequest request)
    {
        var (phone, failure) = await EntityOperations.LoadForUpdateAsync(db.Phones, id, Resource, http);
        if (phone is null)
        {
            return failure!;
        }

        var renamed = request.Username is not null && request.Username != phone.Username;
        var errors = await ValidateAsync(db, request, passwordRequired: renamed, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (renamed && await db.Phones.AnyAsync(p => p.Id != id && p.Username == request.Username, http.RequestAborted))
        {
            return ApiProblems.Conflict($"A phone with user name '{request.Username}' already exists in this tenant.");
        }

        if (request.Number is { } number && await db.Phones.AnyAsync(p => p.Id != id && p.Number == number, http.RequestAborted))
        {
            return NumberTaken(number);
        }

        var domain = await SipDomainAsync(db, http);
        Apply(phone, request, domain);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Updated(http, phone, p => p.AsResponse(domain));
    }

    private static Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.Phones, id, Resource, http, ct => RouteTargets.PhoneInUseAsync(db, id, ct));

    private static async Task<FieldErrors> ValidateAsync(
        SoftswitchDbContext db, PhoneRequest request, bool passwordRequired, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("account_id", request.AccountId, 40)
            .Required("username", request.Username, Phone.UsernameMaxLength)
            .Optional("display_name", request.DisplayName, Phone.DisplayNameMaxLength)
            .Range("max_concurrent_calls", request.MaxConcurrentCalls, 1, 100_000)
            .Range("max_incoming_calls", request.MaxIncomingCalls, 1, 100_000)
            .Optional("number", request.Number, Phone.NumberMaxLength);
        if (request.Username is { Length: > 0 and <= Phone.UsernameMaxLength } user && !SipUser().IsMatch(user))
        {
            errors.Add("username", "may hold letters, digits and - _ . ! ~ * ' ( ) + only (RFC 3261 user part, unescaped).");
        }

        if (passwordRequired && string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required when creating a phone or changing its user name.");
        }
        else if (request.Password is { } password && password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors.Add("password", $"must be {MinPasswordLength} to {MaxPasswordLength} characters.");
        }

        if (request.Number is { Length: > 0 and <= Phone.NumberMaxLength } number && !Digits().IsMatch(number))
        {
            errors.Add("number", "may hold digits, with a leading + for E.164, only.");
        }

        await References.CheckAsync(db.Accounts, "account_id", request.AccountId, "account", errors, cancellationToken);
        await References.CheckAsync(db.RoutingGateways, "offline_redirect_gateway_id", request.OfflineRedirectGatewayId, "routing gateway", errors, cancellationToken);
        return errors;
    }

    private static void Apply(Phone phone, PhoneRequest request, string sipDomain)
    {
        phone.AccountId = request.AccountId!;
        phone.Username = request.Username!;
        phone.DisplayName = request.DisplayName;
        phone.Status = request.Status ?? PhoneStatus.Active;
        phone.MaxConcurrentCalls = request.MaxConcurrentCalls;
        phone.Number = request.Number;
        phone.OfflineRedirectGatewayId = request.OfflineRedirectGatewayId;
        phone.ForkMode = request.ForkMode ?? ForkMode.Sequential;
        phone.MaxIncomingCalls = request.MaxIncomingCalls;
        if (request.Password is { } password)
        {
            phone.SetPassword(sipDomain, password);
        }
    }

    private static async Task<string> SipDomainAsync(SoftswitchDbContext db, HttpContext http) =>
        await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.SipDomain).SingleAsync(http.RequestAborted);

    private static ConflictProblem NumberTaken(string number) =>
        ApiProblems.Conflict($"Number '{number}' already rings another phone of this tenant.");

    [GeneratedRegex(@"^[A-Za-z0-9\-_.!~*'()+]+$")]
    private static partial Regex SipUser();

    [GeneratedRegex(@"^\+?[0-9]+$")]
    private static partial Regex Digits();
}
