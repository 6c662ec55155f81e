using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/rate-tables</c>: named price lists in one currency. A table's rates live under <see cref="RateEndpoints"/>.</summary>
public static class RateTableEndpoints
{
    private const string Resource = "rate table";

    public static void MapRateTables(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/rate-tables").WithTags("Rate tables");
        group.MapGet("", ListAsync).WithName("ListRateTables").WithSummary("List rate tables");
        group.MapGet("/{id}", GetAsync).WithName("GetRateTable").WithSummary("Get a rate table");
        group.MapPost("", CreateAsync).WithName("CreateRateTable").WithSummary("Create a rate table")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateRateTable").WithSummary("Replace a rate table's name and description")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteRateTable")
            .WithSummary("Delete a rate table and its rates; refused while an account uses it")
            .RequireAuthorization(AuthRegistration.WritePolicy)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<Page<RateTableResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? name, string? currency)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        errors.Optional("name", name, RateTable.NameMaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.RateTables.AsQueryable();
        if (!string.IsNullOrEmpty(name))
        {
            query = query.Where(t => t.Name.StartsWith(name));
        }

        if (!string.IsNullOrEmpty(currency))
        {
            query = query.Where(t => t.Currency == currency);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, RateTableMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<RateTableResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.RateTables, id, Resource, RateTableMapping.AsResponse, http);

    private static async Task<Results<Created<RateTableResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, RateTableCreateRequest request)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, RateTable.NameMaxLength)
            .Currency("currency", request.Currency)
            .Optional("description", request.Description, RateTable.DescriptionMaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.RateTables.AnyAsync(t => t.Name == name, http.RequestAborted))
        {
            return NameTaken(name);
        }

        var table = new RateTable { Name = name, Currency = request.Currency!, Description = request.Description };
        db.RateTables.Add(table);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/rate-tables/{table.Id}", table, RateTableMapping.AsResponse);
    }

    private static async Task<Results<Ok<RateTableResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(SoftswitchDbContext db, HttpContext http, string id, RateTableUpdateRequest request)
    {
        var (table, failure) = await EntityOperations.LoadForUpdateAsync(db.RateTables, id, Resource, http);
        if (table is null)
        {
            return failure!;
        }

        var errors = new FieldErrors()
            .Required("name", request.Name, RateTable.NameMaxLength)
            .Optional("description", request.Description, RateTable.DescriptionMaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var name = request.Name!.Trim();
        if (await db.RateTables.AnyAsync(t => t.Id != id && t.Name == name, http.RequestAborted))
        {
            return NameTaken(name);
        }

        table.Name = name;
        table.Description = request.Description;
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Updated(http, table, RateTableMapping.AsResponse);
    }

    // Its rates go with it: the foreign key from rates cascades in the database.
    private static Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.RateTables, id, Resource, http, async cancellationToken =>
        {
            // The database would refuse too (the account's foreign key restricts), but this answer names the cause.
            var accounts = await db.Accounts.CountAsync(a => a.RateTableId == id, cancellationToken);
            return accounts > 0
                ? ApiProblems.Conflict($"Rate table '{id}' is used by {accounts} account(s); point them at another rate table first.")
                : null;
        });

    private static ConflictProblem NameTaken(string name) =>
        ApiProblems.Conflict($"A rate table named '{name}' already exists in this tenant.");
}
