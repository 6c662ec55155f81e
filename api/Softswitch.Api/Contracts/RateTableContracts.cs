using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A named price list in one currency; accounts are rated against it through <c>rate_table_id</c>.</summary>
public sealed record RateTableResponse(
    string Id, string Name, string Currency, string? Description, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Creates a rate table. The name is unique in the tenant.</summary>
public sealed record RateTableCreateRequest(string? Name, string? Currency, string? Description);

/// <summary>Replaces a rate table's settings (PUT). The currency cannot change: every price in the table is in it.</summary>
public sealed record RateTableUpdateRequest(string? Name, string? Description);

public static class RateTableMapping
{
    public static RateTableResponse AsResponse(this RateTable t) =>
        new(t.Id, t.Name, t.Currency, t.Description, t.CreatedAt, t.UpdatedAt, t.Version);
}
