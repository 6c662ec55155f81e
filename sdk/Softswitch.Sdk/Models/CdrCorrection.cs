namespace Softswitch.Sdk;

/// <summary>One correction of a CDR's charge; <see cref="LedgerEntryId"/> is the balance movement it caused, if any.</summary>
public sealed class CdrCorrection
{
    public required string Id { get; init; }

    public required string CdrId { get; init; }

    public required decimal? OldCharge { get; init; }

    public required decimal NewCharge { get; init; }

    public required string Reason { get; init; }

    public required string Actor { get; init; }

    public required string? LedgerEntryId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
