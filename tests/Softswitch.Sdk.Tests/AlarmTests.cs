using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>AlarmRules</c>, <c>Alarms</c> and <c>AlarmSettings</c> through the SDK.</summary>
public sealed class AlarmTests
{
    [Fact]
    public async Task An_alarm_rule_is_created_read_listed_replaced_and_deleted()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Rules");
        using var client = app.Sdk(key);

        var created = await client.AlarmRules.CreateAsync(new AlarmRuleOptions
        {
            Name = "Night calls", Kind = AlarmKind.OutsideWorkingHours,
            WorkCalendar = new WorkCalendarOptions { Days = [DayOfWeek.Saturday, DayOfWeek.Sunday], Start = "22:00", End = "06:00", TimeZone = "Europe/Paris" },
        });
        var read = await client.AlarmRules.GetAsync(created.Id);
        var listed = await client.AlarmRules.ListAsync();
        var replaced = await client.AlarmRules.UpdateAsync(created.Id, new AlarmRuleOptions
        {
            Name = "Long calls", Kind = AlarmKind.LongCall, Threshold = 3600m, Enabled = false,
        });
        await client.AlarmRules.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.AlarmRules.GetAsync(created.Id));

        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], read.WorkCalendar!.Days);
        Assert.Equal(("22:00", "06:00", "Europe/Paris"), (read.WorkCalendar.Start, read.WorkCalendar.End, read.WorkCalendar.TimeZone));
        Assert.Equal((15, 60, true), (read.WindowMinutes, read.SuppressionMinutes, read.Enabled));
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Equal((AlarmKind.LongCall, 3600m, false, (WorkCalendar?)null), (replaced.Kind, replaced.Threshold, replaced.Enabled, replaced.WorkCalendar));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task An_alarm_is_listed_by_state_then_acknowledged_and_resolved()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Alarms");
        using var client = app.Sdk(key);
        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "USD" });
        var rule = await client.AlarmRules.CreateAsync(new AlarmRuleOptions { Name = "Long calls", Kind = AlarmKind.LongCall, Threshold = 3600m });
        var alarmId = await SwitchRecords.InsertAlarmAsync(app, tenantId, rule.Id, account.Id);

        var open = await client.Alarms.ListAsync(new AlarmListOptions
        {
            State = AlarmState.Open, Kind = AlarmKind.LongCall, RuleId = rule.Id, SubjectId = account.Id,
            From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1),
        });
        var acknowledged = await client.Alarms.AcknowledgeAsync(alarmId);
        var stillOpen = await client.Alarms.ListAutoPagingAsync(new AlarmListOptions { State = AlarmState.Open }).ToListAsync();
        var resolved = await client.Alarms.ResolveAsync(alarmId);
        var again = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Alarms.ResolveAsync(alarmId));
        var read = await client.Alarms.GetAsync(alarmId);

        Assert.Equal(alarmId, Assert.Single(open.Data).Id);
        Assert.Equal((AlarmState.Acknowledged, true), (acknowledged.State, acknowledged.AcknowledgedBy is not null));
        Assert.Empty(stillOpen);
        Assert.Equal(AlarmState.Resolved, resolved.State);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal((AlarmState.Resolved, 7200m), (read.State, read.Observed));
        Assert.Equal(["cdr_1"], read.CdrIds);
    }

    [Fact]
    public async Task Alarm_settings_are_replaced_and_read_without_the_password()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Settings");
        using var client = app.Sdk(key);

        var defaults = await client.AlarmSettings.GetAsync();
        var replaced = await client.AlarmSettings.UpdateAsync(new AlarmSettingsOptions
        {
            EmailEnabled = true, SmtpHost = "smtp.example.com", SmtpPort = 465, TlsMode = SmtpTlsMode.SslOnConnect, UserName = "noc",
            Password = "smtp-secret", From = "alarms@example.com", Recipients = ["noc@example.com"],
        });
        var read = await client.AlarmSettings.GetAsync();

        Assert.False(defaults.EmailEnabled);
        Assert.Equal((true, SmtpTlsMode.SslOnConnect, 465, true), (replaced.EmailEnabled, replaced.TlsMode, replaced.SmtpPort, replaced.HasPassword));
        Assert.Equal(["noc@example.com"], read.Recipients);
        Assert.Equal(("alarms@example.com", "noc"), (read.From, read.UserName));
    }
}
