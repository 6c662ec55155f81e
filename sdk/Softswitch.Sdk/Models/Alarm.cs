namespace Softswitch.Sdk;

/// <summary>One firing of a rule about one subject, with what was observed against the threshold and the evidence; <see cref="EmailStatus"/> says whether the e-mail went.</summary>
public sealed class Alarm
{
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public required AlarmKind Kind { get; init; }

    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string WindowKey { get; init; }

    public required decimal Observed { get; init; }

    public required decimal Threshold { get; init; }

    public required string Evidence { get; init; }

    public required IReadOnlyList<string> CdrIds { get; init; }

    public required DateTimeOffset FiredAt { get; init; }

    public required AlarmState State { get; init; }

    public required DateTimeOffset? AcknowledgedAt { get; init; }

    public required string? AcknowledgedBy { get; init; }

    public required DateTimeOffset? ResolvedAt { get; init; }

    public required string? ResolvedBy { get; init; }

    public required AlarmEmailStatus EmailStatus { get; init; }

    public required int EmailAttempts { get; init; }

    public required DateTimeOffset? EmailSentAt { get; init; }

    public required string? EmailError { get; init; }

    public required long Version { get; init; }
}
