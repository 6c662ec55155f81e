namespace Softswitch.Sdk;

/// <summary>One call that differs: only theirs (<see cref="Line"/> of their file), only ours (<see cref="CdrId"/>), or both with another duration or charge.</summary>
public sealed class ReconciliationMismatch
{
    public required MismatchKind Kind { get; init; }

    public required string Callee { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required string? CdrId { get; init; }

    public required int? Line { get; init; }

    public required decimal? OurSeconds { get; init; }

    public required decimal? TheirSeconds { get; init; }

    public required decimal? OurCost { get; init; }

    public required decimal? TheirCharge { get; init; }
}
