namespace Softswitch.Sdk;

/// <summary>Posts a top-up or refund (a positive amount, credited) or an adjustment (either sign, not zero); <see cref="Reference"/> is your own payment or invoice id.</summary>
public sealed class LedgerEntryCreateOptions
{
    public required LedgerEntryKind Kind { get; init; }

    /// <summary>Required with every kind: positive for top_up and refund, not zero for adjustment.</summary>
    public decimal? Amount { get; init; }

    public string? Reference { get; init; }

    public string? Description { get; init; }
}
