namespace Softswitch.Sdk;

/// <summary>One movement of an account's balance: <see cref="Amount"/> is signed, <see cref="BalanceAfter"/> the balance once it applied.</summary>
public sealed class LedgerEntry
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required long Sequence { get; init; }

    public required LedgerEntryKind Kind { get; init; }

    public required decimal Amount { get; init; }

    public required decimal BalanceAfter { get; init; }

    public required string? Reference { get; init; }

    public required string? Description { get; init; }

    public required string Actor { get; init; }

    public required int CallCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
