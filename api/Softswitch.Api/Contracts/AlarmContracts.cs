using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// An alarm rule. <c>threshold</c> means, by kind: long_call seconds; low_asr percent; traffic_spike a multiple of the
/// usual hourly volume; low_balance money (null: each account's own <c>low_balance_threshold</c>);
/// reconciliation_deviation the least deviation percent (null: every deviation alert); security_event_burst an event
/// count. <c>suppression_minutes</c>: after a notified firing about a subject, firings about it within this time are
/// stored as suppressed and send nothing; <c>suppress_all</c> suppresses every firing (VOS "Suppressing all duration
/// too long alarm").
/// </summary>
public sealed record AlarmRuleResponse(
    string Id, string Name, AlarmKind Kind, bool Enabled, string? AccountId, string? RoutingGatewayId, decimal? Threshold, int WindowMinutes,
    int MinimumCalls, int SuppressionMinutes, bool SuppressAll, string? SecurityEventRule, WorkCalendarResponse? WorkCalendar,
    DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>
/// Working time of an outside_working_hours rule: weekdays (monday…sunday), <c>start</c> and <c>end</c> as local
/// <c>HH:mm</c> (an end before the start runs past midnight) and an IANA <c>time_zone</c> (e.g. Europe/London).
/// </summary>
public sealed record WorkCalendarResponse(IReadOnlyList<DayOfWeek> Days, string Start, string End, string TimeZone);

/// <summary>The working time of an outside_working_hours rule; <c>time_zone</c> defaults to UTC.</summary>
public sealed record WorkCalendarRequest(List<DayOfWeek>? Days, string? Start, string? End, string? TimeZone);

/// <summary>
/// Creates or replaces an alarm rule. <c>threshold</c> is required for long_call, low_asr, traffic_spike and
/// security_event_burst; <c>security_event_rule</c> for security_event_burst; <c>work_calendar</c> for
/// outside_working_hours. <c>account_id</c> limits any kind but security_event_burst and reconciliation_deviation to
/// one account; <c>routing_gateway_id</c> limits low_asr to one vendor trunk. Defaults: enabled, window 15 minutes,
/// minimum calls 0, suppression 60 minutes.
/// </summary>
public sealed record AlarmRuleRequest(
    string? Name, AlarmKind? Kind, bool? Enabled, string? AccountId, string? RoutingGatewayId, decimal? Threshold, int? WindowMinutes,
    int? MinimumCalls, int? SuppressionMinutes, bool? SuppressAll, string? SecurityEventRule, WorkCalendarRequest? WorkCalendar);

/// <summary>
/// One firing of a rule about a subject (<c>subject_type</c> account, routing_gateway or tenant) for one window, call or
/// event (<c>window_key</c>), with what was observed against the threshold and the evidence. <c>email_status</c> says
/// whether the e-mail was sent; a suppressed alarm sends nothing.
/// </summary>
public sealed record AlarmResponse(
    string Id, string RuleId, AlarmKind Kind, string SubjectType, string SubjectId, string WindowKey, decimal Observed, decimal Threshold,
    string Evidence, IReadOnlyList<string> CdrIds, DateTime FiredAt, AlarmState State, DateTime? AcknowledgedAt, string? AcknowledgedBy,
    DateTime? ResolvedAt, string? ResolvedBy, AlarmEmailStatus EmailStatus, int EmailAttempts, DateTime? EmailSentAt, string? EmailError, long Version);

/// <summary>
/// Filters of the alarm list: <c>from</c> inclusive and <c>to</c> exclusive, on the firing time; <c>state</c> is open, acknowledged, resolved or suppressed; <c>kind</c> an alarm rule kind (e.g. long_call).
/// </summary>
public sealed record AlarmQuery(
    [FromQuery(Name = "state")] string? State,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "rule_id")] string? RuleId,
    [FromQuery(Name = "subject_id")] string? SubjectId,
    [FromQuery(Name = "from")] DateTime? From,
    [FromQuery(Name = "to")] DateTime? To);

/// <summary>The tenant's alarm e-mail. The password is never returned: <c>has_password</c> says whether one is stored.</summary>
public sealed record AlarmSettingsResponse(
    bool EmailEnabled, string SmtpHost, int SmtpPort, SmtpTlsMode TlsMode, string? UserName, bool HasPassword, string From,
    IReadOnlyList<string> Recipients, long Version);

/// <summary>
/// Replaces the tenant's alarm e-mail settings. <c>smtp_host</c>, <c>from</c> and at least one recipient are required
/// when <c>email_enabled</c> is true. Leaving <c>password</c> out keeps the stored one; an empty string removes it.
/// Defaults: port 587, tls_mode start_tls.
/// </summary>
public sealed record AlarmSettingsRequest(
    bool? EmailEnabled, string? SmtpHost, int? SmtpPort, SmtpTlsMode? TlsMode, string? UserName, string? Password, string? From,
    List<string>? Recipients);

public static class AlarmMapping
{
    public static AlarmRuleResponse AsResponse(this AlarmRule r) => new(
        r.Id, r.Name, r.Kind, r.Enabled, r.AccountId, r.RoutingGatewayId, r.Threshold, r.WindowMinutes, r.MinimumCalls, r.SuppressionMinutes,
        r.SuppressAll, r.SecurityEventRule, r.Kind == AlarmKind.OutsideWorkingHours ? r.WorkCalendar.AsContract() : null, r.CreatedAt, r.UpdatedAt,
        r.Version);

    public static AlarmResponse AsResponse(this Alarm a) => new(
        a.Id, a.RuleId, a.Kind, a.SubjectType, a.SubjectId, a.WindowKey, a.Observed, a.Threshold, a.Evidence, a.CdrIds, a.FiredAt, a.State,
        a.AcknowledgedAt, a.AcknowledgedBy, a.ResolvedAt, a.ResolvedBy, a.EmailStatus, a.EmailAttempts, a.EmailSentAt, a.EmailError, a.Version);

    public static AlarmSettingsResponse AsResponse(this AlarmSettings s) => new(
        s.EmailEnabled, s.SmtpHost, s.SmtpPort, s.TlsMode, s.UserName, !string.IsNullOrEmpty(s.Password), s.From, s.Recipients, s.Version);

    public static WorkCalendarResponse AsContract(this WorkCalendar c) =>
        new(c.Days, Clock(c.StartMinute), Clock(c.EndMinute), c.TimeZone);

    private static string Clock(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
