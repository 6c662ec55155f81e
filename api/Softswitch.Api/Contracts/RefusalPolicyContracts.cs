using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// What one refusal rule does for the tenant: <c>enforce</c> (refuse, with <c>status_code</c> and <c>reason_text</c>
/// when set, else the rule's own answer) or <c>monitor</c> (let the call through and record a "would refuse" event).
/// </summary>
public sealed record RefusalPolicyResponse(string Rule, RefusalMode Mode, int? StatusCode, string? ReasonText, bool Customised);

/// <summary>Replaces the tenant's policy for one rule. <c>mode</c> is required.</summary>
public sealed record RefusalPolicyRequest(RefusalMode? Mode, int? StatusCode, string? ReasonText);

public static class RefusalPolicyMapping
{
    public static RefusalPolicyResponse AsResponse(string rule, RefusalPolicy? policy) =>
        new(rule, policy?.Mode ?? RefusalMode.Enforce, policy?.StatusCode, policy?.ReasonText, policy is not null);
}
