using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// The price of calls to a destination prefix, valid from <c>effective_from</c> until (excluding) <c>effective_to</c>.
/// Billing is <c>first_increment_seconds</c>/<c>next_increment_seconds</c>, e.g. 60/60, 6/6 or 1/1.
/// </summary>
public sealed record RateResponse(
    string Id,
    string RateTableId,
    string Prefix,
    string? Description,
    decimal PricePerMinute,
    int FirstIncrementSeconds,
    int NextIncrementSeconds,
    decimal ConnectFee,
    DateTime EffectiveFrom,
    DateTime? EffectiveTo,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

/// <summary>Creates or replaces a rate. Increments default to 60/60 and the connect fee to 0.</summary>
public sealed record RateRequest(
    string? Prefix,
    string? Description,
    decimal? PricePerMinute,
    int? FirstIncrementSeconds,
    int? NextIncrementSeconds,
    decimal? ConnectFee,
    DateTime? EffectiveFrom,
    DateTime? EffectiveTo);

/// <summary>The outcome of a CSV rate-deck import: rows written, and rows deleted first in replace mode.</summary>
public sealed record RateDeckImportResponse(int Imported, int Replaced);

/// <summary>Field limits shared by the JSON rate endpoints and the CSV rate-deck import, so both accept the same rates.</summary>
public static class RateRules
{
    public const decimal MaxPrice = 1_000_000m;
    public const int MinIncrementSeconds = 1;
    public const int MaxIncrementSeconds = 3600;
    public const int DefaultIncrementSeconds = 60;

    /// <summary>
    /// Times without an offset are taken as UTC; times with one are converted. Mirrors what the data layer stores,
    /// so comparisons made before saving (effective_to after effective_from, duplicates) agree with the database.
    /// </summary>
    public static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

public static class RateMapping
{
    public static RateResponse AsResponse(this Rate r) => new(
        r.Id, r.RateTableId, r.Prefix, r.Description, r.PricePerMinute, r.FirstIncrementSeconds, r.NextIncrementSeconds,
        r.ConnectFee, r.EffectiveFrom, r.EffectiveTo, r.CreatedAt, r.UpdatedAt, r.Version);
}
