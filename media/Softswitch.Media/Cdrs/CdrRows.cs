using Softswitch.Domain;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Media.Cdrs;

/// <summary>Maps the switch's <see cref="CallDetailRecord"/> to the stored <see cref="Cdr"/> row.</summary>
public static class CdrRows
{
    public static Cdr From(CallDetailRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var end = r.EndAt ?? r.SetupAt;
        return new Cdr
        {
            Id = r.Id,
            TenantId = r.TenantId,
            CallId = Fit(r.CallId, Cdr.CallIdMaxLength)!,
            AccountId = r.AccountId,
            MappingGatewayId = r.MappingGatewayId,
            PhoneId = r.PhoneId,
            RoutingGatewayId = r.Attempts.Count > 0 ? r.Attempts[^1].RoutingGatewayId : null,
            CallerReceived = Fit(r.CallerReceived, Cdr.NumberMaxLength)!,
            CalleeReceived = Fit(r.CalleeReceived, Cdr.NumberMaxLength)!,
            CallerSent = Fit(r.CallerSent, Cdr.NumberMaxLength),
            CalleeSent = Fit(r.CalleeSent, Cdr.NumberMaxLength),
            SetupAt = r.SetupAt.UtcDateTime,
            RingingAt = r.RingingAt?.UtcDateTime,
            AnswerAt = r.AnswerAt?.UtcDateTime,
            EndAt = end.UtcDateTime,
            PddMilliseconds = r.Pdd is { } pdd ? (int)Math.Min(int.MaxValue, Math.Max(0, pdd.TotalMilliseconds)) : null,
            DurationMilliseconds = (long)r.Duration.TotalMilliseconds,
            FinalCode = r.FinalCode,
            Q850Cause = r.Q850Cause,
            HangupSide = r.HangupSide,
            Interrupted = r.Interrupted,
            RefusalRule = r.RefusedBy,
            RedirectServer = Fit(r.RedirectServer, Cdr.RedirectServerMaxLength),
            RedirectMilliseconds = r.RedirectMilliseconds,
            BilledSeconds = r.Rate?.BilledSeconds(r.Duration) ?? 0,
            Charge = r.Charge,
            Cost = r.Cost,
            RatePrefix = r.Rate?.Prefix,
            CostPrefix = r.VendorRate?.Prefix,
            PackageSeconds = r.PackageSeconds,
            PackageAmount = r.PackageAmount,
            Attempts = r.Attempts.Select(a => new CdrAttempt
            {
                RoutingGatewayId = a.RoutingGatewayId,
                CalleeSent = Fit(a.CalleeSent, Cdr.NumberMaxLength)!,
                StartedAt = a.StartedAt.UtcDateTime,
                ResponseCode = a.ResponseCode,
            }).ToList(),
        };
    }

    // SIP user parts have no length limit; the columns do. A CDR is better cut than lost.
    private static string? Fit(string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? value[..maxLength] : value;
}
