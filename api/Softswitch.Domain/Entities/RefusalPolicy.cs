namespace Softswitch.Domain;

/// <summary>
/// A tenant's choice for one refusal rule of the admission pipeline: enforce it (optionally with its own SIP answer) or
/// only watch it. Stored with the tenant, so the switch has it in the same snapshot as the tenant's SIP domain.
/// </summary>
public sealed record RefusalPolicy
{
    public const int ReasonMaxLength = 120;

    /// <summary>One of <see cref="RefusalRules.TenantRules"/>.</summary>
    public string Rule { get; set; } = "";

    public RefusalMode Mode { get; set; }

    /// <summary>The final response the caller gets instead of the rule's default (400–699); null keeps the default.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The text of the Reason header (RFC 3326) instead of the rule's own; null keeps the rule's.</summary>
    public string? ReasonText { get; set; }
}
