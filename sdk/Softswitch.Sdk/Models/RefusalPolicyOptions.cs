namespace Softswitch.Sdk;

/// <summary>Sets one refusal rule's mode and, optionally, its SIP answer (400–699, not 401 or 407) and Reason text.</summary>
public sealed class RefusalPolicyOptions
{
    public required RefusalMode Mode { get; init; }

    public int? StatusCode { get; init; }

    public string? ReasonText { get; init; }
}
