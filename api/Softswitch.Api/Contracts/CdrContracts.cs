using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A call detail record. Times are UTC; durations are milliseconds.</summary>
public sealed record CdrResponse(
    string Id,
    string CallId,
    string? AccountId,
    string? MappingGatewayId,
    string? PhoneId,
    string? RoutingGatewayId,
    string CallerReceived,
    string CalleeReceived,
    string? CallerSent,
    string? CalleeSent,
    DateTime SetupAt,
    DateTime? RingingAt,
    DateTime? AnswerAt,
    DateTime EndAt,
    int? PddMilliseconds,
    long DurationMilliseconds,
    int FinalCode,
    int Q850Cause,
    HangupSide HangupSide,
    bool Interrupted,
    string? RefusalRule,
    IReadOnlyList<CdrAttemptResponse> Attempts,
    DateTime CreatedAt,
    int BilledSeconds,
    decimal? Charge,
    decimal? Cost,
    decimal? Profit,
    string? RatePrefix,
    string? CostPrefix,
    int PackageSeconds,
    decimal PackageAmount,
    string? RedirectServer,
    int? RedirectMilliseconds);

/// <summary>One INVITE to a routing gateway and the final response it got.</summary>
public sealed record CdrAttemptResponse(string RoutingGatewayId, string CalleeSent, DateTime StartedAt, int ResponseCode);

/// <summary>
/// Filters shared by the CDR list and the CSV export. <c>from</c> is inclusive and <c>to</c> exclusive, both on the
/// setup time; <c>caller</c> and <c>callee</c> match the start of the numbers as received; <c>refusal_rule</c> keeps the
/// calls that rule refused.
/// </summary>
public sealed record CdrQuery(
    [FromQuery(Name = "from")] DateTime? From,
    [FromQuery(Name = "to")] DateTime? To,
    [FromQuery(Name = "account_id")] string? AccountId,
    [FromQuery(Name = "mapping_gateway_id")] string? MappingGatewayId,
    [FromQuery(Name = "routing_gateway_id")] string? RoutingGatewayId,
    [FromQuery(Name = "caller")] string? Caller,
    [FromQuery(Name = "callee")] string? Callee,
    [FromQuery(Name = "final_code")] int? FinalCode,
    [FromQuery(Name = "refusal_rule")] string? RefusalRule);

public static class CdrMapping
{
    public static CdrResponse AsResponse(this Cdr c) => new(
        c.Id, c.CallId, c.AccountId, c.MappingGatewayId, c.PhoneId, c.RoutingGatewayId,
        c.CallerReceived, c.CalleeReceived, c.CallerSent, c.CalleeSent,
        c.SetupAt, c.RingingAt, c.AnswerAt, c.EndAt, c.PddMilliseconds, c.DurationMilliseconds,
        c.FinalCode, c.Q850Cause, c.HangupSide, c.Interrupted, c.RefusalRule,
        c.Attempts.Select(a => new CdrAttemptResponse(a.RoutingGatewayId, a.CalleeSent, a.StartedAt, a.ResponseCode)).ToList(),
        c.CreatedAt, c.BilledSeconds, c.Charge, c.Cost, c.Charge is { } charge && c.Cost is { } cost ? charge - cost : null,
        c.RatePrefix, c.CostPrefix, c.PackageSeconds, c.PackageAmount, c.RedirectServer, c.RedirectMilliseconds);
}

/// <summary>The CSV export's layout: RFC 4180 fields, one header row, attempts as <c>gateway:code</c> joined by <c>;</c>.</summary>
public static class CdrCsv
{
    public const string Header =
        "id,call_id,account_id,mapping_gateway_id,phone_id,routing_gateway_id,caller_received,callee_received," +
        "caller_sent,callee_sent,setup_at,ringing_at,answer_at,end_at,pdd_ms,duration_ms,final_code,q850_cause," +
        "hangup_side,interrupted,attempts,refusal_rule";

    public static void AppendRow(StringBuilder line, Cdr c)
    {
        line.Clear();
        Field(line, c.Id);
        Field(line, c.CallId);
        Field(line, c.AccountId);
        Field(line, c.MappingGatewayId);
        Field(line, c.PhoneId);
        Field(line, c.RoutingGatewayId);
        Field(line, c.CallerReceived);
        Field(line, c.CalleeReceived);
        Field(line, c.CallerSent);
        Field(line, c.CalleeSent);
        Field(line, Time(c.SetupAt));
        Field(line, c.RingingAt is { } ringing ? Time(ringing) : null);
        Field(line, c.AnswerAt is { } answer ? Time(answer) : null);
        Field(line, Time(c.EndAt));
        Field(line, c.PddMilliseconds?.ToString(CultureInfo.InvariantCulture));
        Field(line, c.DurationMilliseconds.ToString(CultureInfo.InvariantCulture));
        Field(line, c.FinalCode.ToString(CultureInfo.InvariantCulture));
        Field(line, c.Q850Cause.ToString(CultureInfo.InvariantCulture));
        Field(line, c.HangupSide.ToString().ToLowerInvariant());
        Field(line, c.Interrupted ? "true" : "false");
        Field(line, string.Join(';', c.Attempts.Select(a => $"{a.RoutingGatewayId}:{a.ResponseCode.ToString(CultureInfo.InvariantCulture)}")));
        Field(line, c.RefusalRule);
        line.Length--;
        line.Append("\r\n");
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // RFC 4180 §2: a field with a comma, quote or line break is quoted, and its quotes doubled.
    private static void Field(StringBuilder line, string? value)
    {
        if (value is not null && value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(value);
        }

        line.Append(',');
    }
}
