using System.Net;
using MimeKit;
using netDumbster.smtp;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>Issue 9 §8: alarm e-mail arrives at a real SMTP server (netDumbster on loopback) with the right content; a suppressed alarm sends nothing.</summary>
public sealed class AlarmEmailTests
{
    [Fact]
    public async Task An_alarm_is_mailed_to_every_recipient_with_its_rule_subject_and_evidence_and_a_suppressed_one_is_not()
    {
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        await using var rig = await AlarmRig.StartAsync();
        await SettingsAsync(rig, smtp.Configuration.Port);
        var rule = await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 3600, suppression_minutes = 60 });
        var cdr = await rig.CallAsync(rig.Now.AddHours(-3), seconds: 7_200);
        await rig.CallAsync(rig.Now.AddHours(-3), seconds: 7_300);

        await rig.EvaluateAsync();
        var sent = await rig.MailAsync();
        var again = await rig.MailAsync();

        Assert.Equal((1, 0), (sent, again));
        var mail = Assert.Single(smtp.ReceivedEmail);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)), AlarmRig.Ct);
        Assert.Equal(["noc@example.net", "oncall@example.net"], message.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Equal("alarms@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal($"[Softswitch alarm] Long calls: long_call on account {rig.Account} (7200 against 3600)", message.Subject);
        Assert.Contains($"Rule:      Long calls ({rule})", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"CDRs:      {cdr}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("lasted 7200 s", message.TextBody, StringComparison.Ordinal);

        var alarms = await rig.AlarmsAsync();
        Assert.Equal(["sent", "suppressed"], alarms.Select(a => a!["email_status"]!.GetValue<string>()));
        Assert.Equal(1, alarms[0]!["email_attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_relay_that_refuses_connections_is_retried_and_recorded_then_given_up()
    {
        await using var rig = await AlarmRig.StartAsync();
        await SettingsAsync(rig, ClosedPort());
        await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 60 });
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        await rig.EvaluateAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await rig.MailAsync();
            rig.Clock.Advance(TimeSpan.FromHours(2));
        }

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal(("failed", 5), (alarm["email_status"]!.GetValue<string>(), alarm["email_attempts"]!.GetValue<int>()));
        Assert.Contains("Exception", alarm["email_error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_enabled_settings_an_alarm_is_marked_not_configured()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 60 });
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        await rig.EvaluateAsync();

        await rig.MailAsync();

        Assert.Equal("not_configured", Assert.Single(await rig.AlarmsAsync())!["email_status"]!.GetValue<string>());
    }

    private static async Task SettingsAsync(AlarmRig rig, int port)
    {
        using var response = await rig.Tenant.Client.PutJsonAsync("/v1/alarm-settings", new
        {
            email_enabled = true, smtp_host = "127.0.0.1", smtp_port = port, tls_mode = "none", from = "alarms@example.com",
            recipients = new[] { "noc@example.net", "oncall@example.net" },
        });
        response.EnsureSuccessStatusCode();
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
