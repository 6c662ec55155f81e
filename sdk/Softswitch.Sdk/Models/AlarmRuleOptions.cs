namespace Softswitch.Sdk;

/// <summary>Creates or replaces an alarm rule. Defaults: enabled, window 15 minutes, minimum calls 0, suppression 60 minutes.</summary>
public sealed class AlarmRuleOptions
{
    public required string Name { get; init; }

    public required AlarmKind Kind { get; init; }

    public bool? Enabled { get; init; }

    public string? AccountId { get; init; }

    /// <summary>Allowed only when kind is low_asr or gateway_down.</summary>
    public string? RoutingGatewayId { get; init; }

    /// <summary>Required when kind is long_call, low_asr, traffic_spike or security_event_burst.</summary>
    public decimal? Threshold { get; init; }

    public int? WindowMinutes { get; init; }

    public int? MinimumCalls { get; init; }

    public int? SuppressionMinutes { get; init; }

    public bool? SuppressAll { get; init; }

    /// <summary>Required when kind is security_event_burst.</summary>
    public string? SecurityEventRule { get; init; }

    /// <summary>Required when kind is outside_working_hours (and only then allowed).</summary>
    public WorkCalendarOptions? WorkCalendar { get; init; }
}
