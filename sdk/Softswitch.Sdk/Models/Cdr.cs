namespace Softswitch.Sdk;

/// <summary>A call detail record. Times are UTC; durations are milliseconds.</summary>
public sealed class Cdr
{
    public required string Id { get; init; }

    public required string CallId { get; init; }

    public required string? AccountId { get; init; }

    public required string? MappingGatewayId { get; init; }

    public required string? PhoneId { get; init; }

    public required string? RoutingGatewayId { get; init; }

    public required string CallerReceived { get; init; }

    public required string CalleeReceived { get; init; }

    public required string? CallerSent { get; init; }

    public required string? CalleeSent { get; init; }

    public required DateTimeOffset SetupAt { get; init; }

    public required DateTimeOffset? RingingAt { get; init; }

    public required DateTimeOffset? AnswerAt { get; init; }

    public required DateTimeOffset EndAt { get; init; }

    public required int? PddMilliseconds { get; init; }

    public required long DurationMilliseconds { get; init; }

    public required int FinalCode { get; init; }

    public required int Q850Cause { get; init; }

    public required HangupSide HangupSide { get; init; }

    public required bool Interrupted { get; init; }

    public required string? RefusalRule { get; init; }

    public required IReadOnlyList<CdrAttempt> Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Answered time rounded up by the customer rate's increments; 0 when unanswered or unrated.</summary>
    public required int BilledSeconds { get; init; }

    /// <summary>What the customer's account paid; null when the call was not rated.</summary>
    public required decimal? Charge { get; init; }

    /// <summary>What the answering vendor charges; null without a vendor rate.</summary>
    public required decimal? Cost { get; init; }

    public required decimal? Profit { get; init; }

    public required string? RatePrefix { get; init; }

    public required string? CostPrefix { get; init; }

    public required int PackageSeconds { get; init; }

    public required decimal PackageAmount { get; init; }

    /// <summary>The routing server whose answer decided the routes; null when none was asked or none answered.</summary>
    public required string? RedirectServer { get; init; }

    /// <summary>How long the redirect query took; null when no routing server was asked.</summary>
    public required int? RedirectMilliseconds { get; init; }
}
