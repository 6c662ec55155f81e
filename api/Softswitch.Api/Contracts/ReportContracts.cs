using Microsoft.AspNetCore.Mvc;

namespace Softswitch.Api.Contracts;

/// <summary>
/// The period and format of a report. <c>from</c> (inclusive) and <c>to</c> (exclusive) are whole UTC hours of call
/// setup; without them the report covers the 7 days up to the end of the current hour. <c>format=csv</c> (or
/// <c>Accept: text/csv</c>) answers CSV.
/// </summary>
public sealed record ReportQuery(
    [FromQuery(Name = "from")] DateTime? From,
    [FromQuery(Name = "to")] DateTime? To,
    [FromQuery(Name = "format")] string? Format);

/// <summary>
/// Traffic figures over a report's period. <c>asr</c> is answered calls as a percentage of the calls admitted (of the
/// attempts, for a routing gateway); <c>acd_seconds</c> the average answered duration; <c>pdd_milliseconds</c> the average
/// post-dial delay of calls that reached a routing gateway; <c>minutes</c> answered time; <c>charge</c> what client
/// accounts pay, <c>cost</c> what vendors charge, <c>profit</c> their difference (an unrated call counts 0 on its side).
/// </summary>
public sealed record ReportFigures(
    long Calls,
    long Refused,
    long Attempts,
    long Answered,
    decimal? Asr,
    decimal? AcdSeconds,
    long? PddMilliseconds,
    decimal Minutes,
    decimal BilledMinutes,
    decimal Charge,
    decimal Cost,
    decimal Profit);

/// <summary>A report: its period, how far the rollups have counted, and its rows.</summary>
/// <param name="CountedThrough">CDRs stored before this time are counted (null: none yet); newer ones appear within about two minutes.</param>
public sealed record Report<TRow>(DateTime From, DateTime To, DateTime? CountedThrough, IReadOnlyList<TRow> Data);

/// <summary>One mapping gateway's calls, or one phone's (<c>mapping_gateway_id</c> null).</summary>
public sealed record MappingGatewayReportRow(string? MappingGatewayId, string? PhoneId, ReportFigures Figures);

/// <summary>One routing gateway: attempts are every INVITE it got; calls, answers, minutes and money those of the calls it took last.</summary>
public sealed record RoutingGatewayReportRow(string RoutingGatewayId, ReportFigures Figures);

/// <summary>The calls that ended with one final SIP status of 300 or more.</summary>
public sealed record FailureCodeReportRow(int FinalCode, ReportFigures Figures);

/// <summary>The calls one admission rule refused.</summary>
public sealed record RefusalRuleReportRow(string RefusalRule, ReportFigures Figures);

/// <summary>One UTC day or hour, by call setup.</summary>
public sealed record PeriodReportRow(DateTime Start, ReportFigures Figures);

/// <summary>
/// Calls to one country (ISO 3166-1 alpha-2; null when the number names none) and number type (libphonenumber's:
/// <c>fixed_line</c>, <c>mobile</c>, <c>premium_rate</c>, …; <c>invalid</c> for numbers its metadata rejects).
/// </summary>
public sealed record DestinationReportRow(string? Country, string NumberType, ReportFigures Figures);

/// <summary>One cell of the gateway × area cross table: a gateway's calls to one country (null: unknown).</summary>
public sealed record GatewayAreaReportRow(string? GatewayId, string? Country, ReportFigures Figures);
