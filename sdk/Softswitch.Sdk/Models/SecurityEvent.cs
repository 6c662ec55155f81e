namespace Softswitch.Sdk;

/// <summary>An explained refusal, ban, alert, suspension or lift: the rule, the count against its threshold, and the evidence.</summary>
public sealed class SecurityEvent
{
    public required string Id { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string Rule { get; init; }

    public required SecurityAction Action { get; init; }

    public required string Address { get; init; }

    public required string? TenantId { get; init; }

    public required string? PhoneId { get; init; }

    public required int Count { get; init; }

    public required int Threshold { get; init; }

    public required int WindowSeconds { get; init; }

    public required DateTimeOffset? BannedUntil { get; init; }

    public required int Offence { get; init; }

    public required string? Evidence { get; init; }

    public required string? Caller { get; init; }

    public required string? Callee { get; init; }

    public required string? MappingGatewayId { get; init; }

    public required string? CdrId { get; init; }
}
