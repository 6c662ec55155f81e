using Hangfire;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Alarms;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Alarm e-mails (the card's "alarm emails" job), every minute: each pending alarm is mailed to its tenant's recipients
/// through the tenant's SMTP relay (<c>/v1/alarm-settings</c>), one message per alarm, at most <see cref="BatchSize"/>
/// per run. A failed attempt is retried after 1, 5, 15 and 60 minutes; the fifth failure marks the alarm's e-mail
/// failed with the last error. A tenant without enabled settings gets <c>not_configured</c>. Suppressed alarms are never
/// pending, so they send nothing. The outcome is saved after each message, so a crash re-sends at most one (its
/// Message-Id is the alarm id, for the reader's mail client to drop).
/// </summary>
public sealed class AlarmEmailJob(DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<AlarmEmailJob> logger)
{
    public const int BatchSize = 200;
    public const int MaxAttempts = 5;
    private static readonly TimeSpan[] RetryAfter = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(string TenantId, string Id)> due;
        await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, time))
        {
            due = (await platform.Alarms.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
                    .Where(a => a.EmailStatus == AlarmEmailStatus.Pending && a.EmailNextAttemptAt <= now)
                    .OrderBy(a => a.EmailNextAttemptAt).ThenBy(a => a.Id).Take(BatchSize)
                    .Select(a => new { a.TenantId, a.Id }).ToListAsync(cancellationToken))
                .Select(a => (a.TenantId, a.Id)).ToList();
        }

        var sent = 0;
        foreach (var tenant in due.GroupBy(a => a.TenantId, StringComparer.Ordinal))
        {
            sent += await SendTenantAsync(tenant.Key, [.. tenant.Select(a => a.Id)], cancellationToken);
        }

        return sent;
    }

    private async Task<int> SendTenantAsync(string tenantId, List<string> alarmIds, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        var alarms = await db.Alarms.Where(a => alarmIds.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var settings = await db.AlarmSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is not { EmailEnabled: true, Recipients.Count: > 0 })
        {
            alarms.ForEach(a => (a.EmailStatus, a.EmailNextAttemptAt) = (AlarmEmailStatus.NotConfigured, null));
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        var ruleIds = alarms.Select(a => a.RuleId).Distinct().ToList();
        var names = await db.AlarmRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, StringComparer.Ordinal, cancellationToken);
        SmtpClient? client = null;
        var sent = 0;
        try
        {
            foreach (var alarm in alarms)
            {
                try
                {
                    client ??= await AlarmMailer.ConnectAsync(settings, cancellationToken);
                    await client.SendAsync(AlarmMailer.Compose(settings, alarm, names.GetValueOrDefault(alarm.RuleId, "(deleted rule)")), cancellationToken);
                    alarm.EmailAttempts++;
                    (alarm.EmailStatus, alarm.EmailSentAt, alarm.EmailNextAttemptAt, alarm.EmailError) = (AlarmEmailStatus.Sent, time.GetUtcNow().UtcDateTime, null, null);
                    sent++;
                }
                catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                    or SslHandshakeException or System.Net.Sockets.SocketException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    Failed(alarm, e);
                    logger.LogWarning("Alarm e-mail {AlarmId} of tenant {TenantId} failed (attempt {Attempt}): {Error}", alarm.Id, tenantId, alarm.EmailAttempts, e.Message);
                    client?.Dispose();
                    client = null;
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            if (client is not null)
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
        }
        finally
        {
            client?.Dispose();
        }

        return sent;
    }

    private void Failed(Alarm alarm, Exception error)
    {
        alarm.EmailAttempts++;
        var message = $"{error.GetType().Name}: {error.Message}";
        alarm.EmailError = message.Length <= Alarm.EmailErrorMaxLength ? message : message[..Alarm.EmailErrorMaxLength];
        if (alarm.EmailAttempts >= MaxAttempts)
        {
            (alarm.EmailStatus, alarm.EmailNextAttemptAt) = (AlarmEmailStatus.Failed, null);
            return;
        }

        alarm.EmailNextAttemptAt = time.GetUtcNow().UtcDateTime + RetryAfter[alarm.EmailAttempts - 1];
    }
}
