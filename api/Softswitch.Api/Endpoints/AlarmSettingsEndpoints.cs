using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/alarm-settings</c>: where the tenant's alarm e-mails go (its SMTP relay, sender and recipients). A tenant
/// that never set them reads e-mail disabled. The SMTP password is write-only.
/// </summary>
public static class AlarmSettingsEndpoints
{
    public static void MapAlarmSettings(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/alarm-settings").WithTags("Alarms");
        group.MapGet("", GetAsync).WithName("GetAlarmSettings").WithSummary("Get the tenant's alarm e-mail settings (never the password)");
        group.MapPut("", PutAsync).WithName("UpdateAlarmSettings").WithSummary("Replace the tenant's alarm e-mail settings")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Ok<AlarmSettingsResponse>> GetAsync(SoftswitchDbContext db, HttpContext http)
    {
        var settings = await db.AlarmSettings.AsNoTracking().SingleOrDefaultAsync(http.RequestAborted) ?? new AlarmSettings();
        ETags.Set(http.Response, settings);
        return TypedResults.Ok(settings.AsResponse());
    }

    private static async Task<Results<Ok<AlarmSettingsResponse>, ValidationProblem, PreconditionFailedProblem>> PutAsync(SoftswitchDbContext db, HttpContext http, AlarmSettingsRequest request)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var settings = await db.AlarmSettings.SingleOrDefaultAsync(http.RequestAborted);
        if (!ETags.IfMatchHolds(http.Request, settings ?? new AlarmSettings()))
        {
            return ApiProblems.PreconditionFailed(settings?.Version ?? 0);
        }

        if (settings is null)
        {
            settings = new AlarmSettings();
            db.AlarmSettings.Add(settings);
        }

        settings.EmailEnabled = request.EmailEnabled ?? false;
        settings.SmtpHost = request.SmtpHost?.Trim() ?? "";
        settings.SmtpPort = request.SmtpPort ?? 587;
        settings.TlsMode = request.TlsMode ?? SmtpTlsMode.StartTls;
        settings.UserName = string.IsNullOrEmpty(request.UserName) ? null : request.UserName;
        if (request.Password is not null)
        {
            settings.Password = request.Password.Length == 0 ? null : request.Password;
        }

        settings.From = request.From?.Trim() ?? "";
        settings.Recipients = [.. (request.Recipients ?? []).Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        await db.SaveChangesAsync(http.RequestAborted);
        ETags.Set(http.Response, settings);
        return TypedResults.Ok(settings.AsResponse());
    }

    private static FieldErrors Validate(AlarmSettingsRequest request)
    {
        var errors = new FieldErrors()
            .Optional("smtp_host", request.SmtpHost, AlarmSettings.HostMaxLength)
            .Range("smtp_port", request.SmtpPort, 1, 65_535)
            .Optional("user_name", request.UserName, AlarmSettings.UserNameMaxLength)
            .Optional("password", request.Password, AlarmSettings.PasswordMaxLength)
            .Optional("from", request.From, AlarmSettings.AddressMaxLength);
        if (request.TlsMode is { } mode)
        {
            errors.Defined("tls_mode", mode);
        }

        if (request.From is { Length: > 0 } from && !IsAddress(from))
        {
            errors.Add("from", "is not an e-mail address.");
        }

        var recipients = request.Recipients ?? [];
        if (recipients.Count > AlarmSettings.MaxRecipients)
        {
            errors.Add("recipients", $"holds at most {AlarmSettings.MaxRecipients} addresses.");
        }

        for (var i = 0; i < Math.Min(recipients.Count, AlarmSettings.MaxRecipients); i++)
        {
            if (recipients[i] is not { Length: > 0 and <= AlarmSettings.AddressMaxLength } address || !IsAddress(address))
            {
                errors.Add($"recipients[{i}]", "is not an e-mail address.");
            }
        }

        if (request.EmailEnabled == true)
        {
            if (string.IsNullOrWhiteSpace(request.SmtpHost))
            {
                errors.Add("smtp_host", "is required when email_enabled is true.");
            }

            if (string.IsNullOrWhiteSpace(request.From))
            {
                errors.Add("from", "is required when email_enabled is true.");
            }

            if (recipients.Count == 0)
            {
                errors.Add("recipients", "must name at least one address when email_enabled is true.");
            }
        }

        return errors;
    }

    // A bare addr-spec: no display name, which would let a value smuggle a second address into the header.
    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.DisplayName.Length == 0;
}
