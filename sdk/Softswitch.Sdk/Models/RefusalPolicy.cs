namespace Softswitch.Sdk;

/// <summary>The tenant's policy for one refusal rule: enforce with the rule's own SIP answer or a customised one, or monitor only.</summary>
public sealed class RefusalPolicy
{
    public required string Rule { get; init; }

    public required RefusalMode Mode { get; init; }

    public required int? StatusCode { get; init; }

    public required string? ReasonText { get; init; }

    public required bool Customised { get; init; }
}
