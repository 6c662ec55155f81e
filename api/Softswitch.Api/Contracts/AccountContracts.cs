using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A customer (client) or vendor account. Money has 6 decimal places.</summary>
public sealed record AccountResponse(
    string Id,
    string Name,
    AccountKind Kind,
    string Currency,
    decimal Balance,
    decimal CreditLimit,
    decimal AvailableFunds,
    AccountStatus Status,
    IReadOnlyList<string> AccessIps,
    string? RateTableId,
    string? Notes,
    int? MaxConcurrentCalls,
    int? MaxCallsPerSecond,
    int? MaxCallDurationSeconds,
    NumberRuleDto Destinations,
    bool BlockInternational,
    bool BlockPremium,
    decimal? LowBalanceThreshold,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

/// <summary>Creates an account. <c>balance</c> is the opening balance; later changes come from billing.</summary>
public sealed record AccountCreateRequest(
    string? Name,
    AccountKind? Kind,
    string? Currency,
    decimal? Balance,
    decimal? CreditLimit,
    AccountStatus? Status,
    List<string>? AccessIps,
    string? RateTableId,
    string? Notes,
    int? MaxConcurrentCalls = null,
    int? MaxCallsPerSecond = null,
    int? MaxCallDurationSeconds = null,
    NumberRuleDto? Destinations = null,
    bool? BlockInternational = null,
    bool? BlockPremium = null,
    decimal? LowBalanceThreshold = null);

/// <summary>Replaces an account's settings (PUT). Kind, currency and balance cannot change here.</summary>
public sealed record AccountUpdateRequest(
    string? Name,
    decimal? CreditLimit,
    AccountStatus? Status,
    List<string>? AccessIps,
    string? RateTableId,
    string? Notes,
    int? MaxConcurrentCalls = null,
    int? MaxCallsPerSecond = null,
    int? MaxCallDurationSeconds = null,
    NumberRuleDto? Destinations = null,
    bool? BlockInternational = null,
    bool? BlockPremium = null,
    decimal? LowBalanceThreshold = null);

public static class AccountMapping
{
    public static AccountResponse AsResponse(this Account a) => new(
        a.Id, a.Name, a.Kind, a.Currency, a.Balance, a.CreditLimit, a.AvailableFunds, a.Status, a.AccessIps,
        a.RateTableId, a.Notes, a.MaxConcurrentCalls, a.MaxCallsPerSecond, a.MaxCallDurationSeconds,
        a.Destinations.AsDto(), a.BlockInternational, a.BlockPremium, a.LowBalanceThreshold, a.CreatedAt, a.UpdatedAt, a.Version);
}
