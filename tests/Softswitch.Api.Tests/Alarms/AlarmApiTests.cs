using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>Issue 9 §8: <c>/v1/alarm-rules</c>, <c>/v1/alarms</c> and <c>/v1/alarm-settings</c>, and the wall between tenants.</summary>
public sealed class AlarmApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rule_is_created_read_replaced_and_deleted_with_its_kind_specific_fields_checked()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var client = tenant.Client;

        using var missing = await client.PostJsonAsync("/v1/alarm-rules", new { name = "ASR", kind = "low_asr" });
        using var noCalendar = await client.PostJsonAsync("/v1/alarm-rules", new { name = "Hours", kind = "outside_working_hours" });
        using var badZone = await client.PostJsonAsync("/v1/alarm-rules", new
        {
            name = "Hours", kind = "outside_working_hours", work_calendar = new { days = new[] { "monday" }, start = "9", end = "18:00", time_zone = "Mars/Olympus" },
        });
        var id = await client.CreateAsync("/v1/alarm-rules", new
        {
            name = "Hours", kind = "outside_working_hours", work_calendar = new { days = new[] { "saturday" }, start = "22:00", end = "06:00", time_zone = "Europe/Paris" },
        });
        using var duplicate = await client.PostJsonAsync("/v1/alarm-rules", new { name = "Hours", kind = "new_country" });
        var read = await (await client.GetAsync($"/v1/alarm-rules/{id}", Ct)).ReadObjectAsync();
        using var replaced = await client.PutJsonAsync($"/v1/alarm-rules/{id}", new { name = "Burst", kind = "security_event_burst", security_event_rule = "auth-failure", threshold = 10, enabled = false });
        var after = await replaced.ReadObjectAsync();
        using var deleted = await client.DeleteAsync($"/v1/alarm-rules/{id}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.ReadObjectAsync())["errors"]!["threshold"]);
        Assert.NotNull((await noCalendar.ReadObjectAsync())["errors"]!["work_calendar"]);
        var zoneErrors = (await badZone.ReadObjectAsync())["errors"]!;
        Assert.NotNull(zoneErrors["work_calendar.start"]);
        Assert.NotNull(zoneErrors["work_calendar.time_zone"]);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(("22:00", "06:00", "Europe/Paris", "saturday"), (
            read["work_calendar"]!["start"]!.GetValue<string>(), read["work_calendar"]!["end"]!.GetValue<string>(),
            read["work_calendar"]!["time_zone"]!.GetValue<string>(), read["work_calendar"]!["days"]![0]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "security_event_burst", false), (replaced.StatusCode, after["kind"]!.GetValue<string>(), after["enabled"]!.GetValue<bool>()));
        Assert.Null(after["work_calendar"]);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Alarms_are_listed_by_state_and_acknowledged_then_resolved_once()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var ids = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var client = tenant.Client;

        using var acknowledged = await client.PostAsync($"/v1/alarms/{ids.AlarmId}/acknowledge", null, Ct);
        using var again = await client.PostAsync($"/v1/alarms/{ids.AlarmId}/acknowledge", null, Ct);
        var open = await (await client.GetAsync("/v1/alarms?state=open", Ct)).ReadObjectAsync();
        var longCalls = await (await client.GetAsync($"/v1/alarms?kind=long_call&rule_id={ids.AlarmRuleId}", Ct)).ReadObjectAsync();
        using var resolved = await client.PostAsync($"/v1/alarms/{ids.AlarmId}/resolve", null, Ct);
        using var resolvedAgain = await client.PostAsync($"/v1/alarms/{ids.AlarmId}/resolve", null, Ct);
        var body = await resolved.ReadObjectAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (acknowledged.StatusCode, again.StatusCode));
        Assert.Equal("acknowledged", (await acknowledged.ReadObjectAsync())["state"]!.GetValue<string>());
        Assert.Empty(open["data"]!.AsArray());
        Assert.Single(longCalls["data"]!.AsArray());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, "resolved"), (resolved.StatusCode, resolvedAgain.StatusCode, body["state"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["resolved_by"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_smtp_password_is_never_returned_and_kept_when_left_out()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        await TenantFixtures.CreateOneOfEachAsync(app, tenant);

        var text = await tenant.Client.GetStringAsync("/v1/alarm-settings", Ct);
        using var kept = await tenant.Client.PutJsonAsync("/v1/alarm-settings", new
        {
            email_enabled = true, smtp_host = "smtp.example.com", smtp_port = 465, tls_mode = "ssl_on_connect", from = "alarms@example.com",
            recipients = new[] { "noc@example.com" },
        });
        using var invalid = await tenant.Client.PutJsonAsync("/v1/alarm-settings", new { email_enabled = true, recipients = new[] { "Eve <eve@example.com>, x@y" } });
        var keptBody = await kept.ReadObjectAsync();

        Assert.DoesNotContain("smtp-secret", text, StringComparison.Ordinal);
        Assert.Contains("\"has_password\":true", text, StringComparison.Ordinal);
        Assert.Equal((true, "ssl_on_connect"), (keptBody["has_password"]!.GetValue<bool>(), keptBody["tls_mode"]!.GetValue<string>()));
        var errors = (await invalid.ReadObjectAsync())["errors"]!;
        Assert.NotNull(errors["smtp_host"]);
        Assert.NotNull(errors["recipients[0]"]);
    }

    [Fact]
    public async Task Another_tenants_rules_alarms_and_settings_are_invisible_and_untouchable()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var bravo = await app.CreateTenantAsync("bravo");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, alpha);
        var b = await TenantFixtures.CreateOneOfEachAsync(app, bravo);

        using var acknowledge = await bravo.Client.PostAsync($"/v1/alarms/{a.AlarmId}/acknowledge", null, Ct);
        using var readAlarm = await bravo.Client.GetAsync($"/v1/alarms/{a.AlarmId}", Ct);
        using var readRule = await bravo.Client.GetAsync($"/v1/alarm-rules/{a.AlarmRuleId}", Ct);
        using var scoped = await bravo.Client.PostJsonAsync("/v1/alarm-rules", new { name = "Theirs", kind = "long_call", threshold = 60, account_id = a.ClientAccountId });
        var list = await bravo.Client.GetStringAsync("/v1/alarms", Ct);
        var rules = await bravo.Client.GetStringAsync("/v1/alarm-rules", Ct);
        using var settings = await bravo.Client.PutJsonAsync("/v1/alarm-settings", new { email_enabled = false });
        var alphaSettings = await (await alpha.Client.GetAsync("/v1/alarm-settings", Ct)).ReadObjectAsync();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (acknowledge.StatusCode, readAlarm.StatusCode, readRule.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, scoped.StatusCode);
        Assert.Contains(b.AlarmId, list, StringComparison.Ordinal);
        Assert.DoesNotContain(a.AlarmId, list, StringComparison.Ordinal);
        Assert.DoesNotContain(a.AlarmRuleId, rules, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.True(alphaSettings["email_enabled"]!.GetValue<bool>());
    }
}
