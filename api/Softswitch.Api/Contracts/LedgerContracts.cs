using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>One movement of an account's balance. <c>amount</c> is signed; <c>balance_after</c> is the balance once it applied.</summary>
public sealed record LedgerEntryResponse(
    string Id,
    string AccountId,
    long Sequence,
    LedgerEntryKind Kind,
    decimal Amount,
    decimal BalanceAfter,
    string? Reference,
    string? Description,
    string Actor,
    int CallCount,
    DateTime CreatedAt);

/// <summary>
/// Posts a top-up, refund (both credit the account: a positive amount) or adjustment (either sign, not zero).
/// <c>reference</c> is your own payment or invoice id.
/// </summary>
public sealed record LedgerEntryCreateRequest(LedgerEntryKind? Kind, decimal? Amount, string? Reference, string? Description);

public static class LedgerMapping
{
    public static LedgerEntryResponse AsResponse(this LedgerEntry e) => new(
        e.Id, e.AccountId, e.Sequence, e.Kind, e.Amount, e.BalanceAfter, e.Reference, e.Description, e.Actor, e.CallCount, e.CreatedAt);
}
