using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Fraud;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// Issue 8 §4 through a real switch on loopback with SIPp peers: rules set through the API block attacks at their
/// configured levels, monitor-only rules only record, scopes and tenants keep apart, and a release lets calls through.
/// </summary>
public sealed class DynamicBlacklistTests : SwitchCallTest
{
    private const string Attacker = "15550001111";
    private const string Callee = "4420123456";
    private static readonly TimeSpan RuleLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_frequency_attack_of_10_calls_a_second_is_blocked_at_the_limit_explained_and_released_through_the_api()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 6);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await RuleAsync(new { name = "callers", kind = "caller_frequency", blocking_level = 5, window_seconds = 60, expire_seconds = 600 });

        var attack = await CallAsync(Attack(20));

        Assert.Equal((5, 15), (attack.Calls.Successful, attack.Calls.Failed));
        Assert.Contains("Dynamic blacklist: Caller blocked by rule", attack.Messages, StringComparison.Ordinal);
        var entry = await SingleEntryAsync("15550001111");
        Assert.Equal(("caller", 6, 5, 60), (
            entry["subject"]!.GetValue<string>(), entry["count"]!.GetValue<int>(), entry["level"]!.GetValue<int>(), entry["window_seconds"]!.GetValue<int>()));
        Assert.Equal(5, entry["evidence_call_ids"]!.AsArray().Count);

        using var released = await Tenant.Client.DeleteAsync($"/v1/dynamic-blacklist/{entry["id"]!.GetValue<string>()}?whitelist_seconds=600");
        released.EnsureSuccessStatusCode();
        await WaitUntilAsync(() => !Blacklist.For(Tenant.Id)!.IsBlocked(new BlacklistKey(null, BlacklistSubject.Caller, Attacker), DateTimeOffset.UtcNow));
        var again = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Callee });
        Assert.True(again.AllCallsSucceeded, again.ToString());
    }

    [Fact]
    public async Task A_monitor_only_rule_records_a_would_block_event_and_blocks_nothing()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 12);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var rule = await RuleAsync(new { name = "watch", kind = "caller_frequency", warning_level = 2, blocking_level = 5, window_seconds = 60, expire_seconds = 600, monitor_only = true });

        var calls = await CallAsync(Attack(12));

        Assert.True(calls.AllCallsSucceeded, calls.ToString());
        var events = await EventsAsync(rule, 2);
        Assert.Equal(["warning", "would_block"], events.Select(e => e["kind"]!.GetValue<string>()));
        Assert.Empty((await Tenant.Client.GetFromApiAsync("/v1/dynamic-blacklist"))["data"]!.AsArray());
    }

    [Fact]
    public async Task An_irsf_burst_to_one_callee_blacklists_the_callee_and_other_destinations_still_connect()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 4);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await RuleAsync(new { name = "irsf", kind = "callee_frequency", blocking_level = 3, window_seconds = 60, expire_seconds = 600 });

        var burst = await CallAsync(Attack(8) with { Callee = "88213000" });
        var elsewhere = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Callee });

        Assert.Equal((3, 5), (burst.Calls.Successful, burst.Calls.Failed));
        Assert.True(elsewhere.AllCallsSucceeded, elsewhere.ToString());
        Assert.Equal("callee", (await SingleEntryAsync("88213000"))["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_distinct_destination_sweep_blacklists_the_caller()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 3);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await RuleAsync(new { name = "sweep", kind = "distinct_callees", blocking_level = 3, window_seconds = 300, expire_seconds = 600 });

        var outcomes = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add((await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = $"88216{i:0000}" })).AllCallsSucceeded);
        }

        Assert.Equal([true, true, true, false, false], outcomes);
        Assert.Equal(4, (await SingleEntryAsync(Attacker))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task No_answer_probing_blacklists_the_probed_number_so_the_next_call_is_refused_by_the_switch_not_the_vendor()
    {
        var vendor = await VendorAsync(SippScenario.UasFail486, calls: 3);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await RuleAsync(new { name = "probe", kind = "no_answer", blocking_level = 2, window_seconds = 300, expire_seconds = 600, min_answered_seconds = 5 });

        var codes = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var probe = await CallAsync(Caller(SippScenario.UacExpectFailure) with { Callee = "23276000", Caller = $"1555000{i}" });
            Assert.True(probe.AllCallsSucceeded, probe.ToString());
            codes.Add(probe.Messages.Contains("SIP/2.0 403", StringComparison.Ordinal) ? 403 : 486);
        }

        Assert.Equal([486, 486, 486, 403], codes);
        Assert.Equal("callee", (await SingleEntryAsync("23276000"))["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_standalone_rule_counts_only_calls_through_the_gateways_that_enable_it()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 11);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var other = await Tenant.Client.CreateAsync("/v1/mapping-gateways", new
        {
            account_id = provisioned.CustomerAccountId, name = "elsewhere", source_addresses = new[] { "127.0.0.3/32" },
        });
        var rule = await RuleAsync(new
        {
            name = "per-trunk", kind = "caller_frequency", scope = "standalone", mapping_gateway_ids = new[] { other }, blocking_level = 3,
            window_seconds = 60, expire_seconds = 600,
        });

        var elsewhere = await CallAsync(Attack(8));
        Assert.True(elsewhere.AllCallsSucceeded, "the rule is not enabled on the caller's trunk: " + elsewhere);

        using var moved = await Tenant.Client.PutJsonAsync($"/v1/fraud-rules/{rule}", new
        {
            name = "per-trunk", kind = "caller_frequency", scope = "standalone", mapping_gateway_ids = new[] { provisioned.MappingGatewayId },
            blocking_level = 3, window_seconds = 60, expire_seconds = 600,
        });
        moved.EnsureSuccessStatusCode();
        await WaitUntilAsync(() => Blacklist.For(Tenant.Id)!.Rules.Any(r => r.Gateways.Contains(provisioned.MappingGatewayId)));
        var through = await CallAsync(Attack(6));

        Assert.Equal((3, 3), (through.Calls.Successful, through.Calls.Failed));
        Assert.Equal(provisioned.MappingGatewayId, (await SingleEntryAsync(Attacker))["mapping_gateway_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tenant_a_blacklisting_a_number_never_touches_tenant_b_calls_from_the_same_number()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 3);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using var other = await Host.Application.CreateTenantAsync("Other");
        var b = await other.Client.CreateAsync("/v1/accounts", new { name = "B", kind = "client", currency = "USD", credit_limit = 100m });
        var bVendor = await other.Client.CreateAsync("/v1/accounts", new { name = "BV", kind = "vendor", currency = "USD" });
        var bTrunk = await other.Client.CreateAsync("/v1/mapping-gateways", new { account_id = b, name = "b-uac", source_addresses = new[] { "127.0.0.2/32" } });
        var bGateway = await other.Client.CreateAsync("/v1/routing-gateways", new { account_id = bVendor, name = "b-v", host = "127.0.0.1", port = vendor.SipPort });
        await other.Client.CreateAsync("/v1/routes", new { name = "Default", prefix = "", routing_gateway_ids = new[] { bGateway } });
        await Host.WaitForAsync(s => s.Tenants.TryGetValue(other.Id, out var t) && t.MappingGateways.ContainsKey(bTrunk) && t.RouteCount > 0, RuleLimit);
        await Tenant.Client.CreateAsync("/v1/dynamic-blacklist", new { subject = "caller", value = Attacker, expire_seconds = 600 });
        await WaitUntilAsync(() => Blacklist.For(Tenant.Id)?.IsBlocked(new BlacklistKey(null, BlacklistSubject.Caller, Attacker), DateTimeOffset.UtcNow) == true);

        var inA = await CallAsync(Caller(SippScenario.UacExpectFailure) with { Callee = Callee, Variables = new Dictionary<string, string> { ["expected_status"] = "403" } });
        var inB = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Callee, LocalAddress = "127.0.0.2", Calls = 3, CallsPerSecond = 5 });

        Assert.True(inA.AllCallsSucceeded, inA.ToString());
        Assert.True(inB.AllCallsSucceeded, inB.ToString());
    }

    [Fact]
    public async Task Numbers_a_banned_scanner_dialled_are_refused_for_a_tenant_that_opted_in()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 1);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await RuleAsync(new { name = "honeypot", kind = "scanner_destinations", expire_seconds = 3600 });
        var guard = Host.Application.Services.GetRequiredService<SignallingGuard>();
        using (var scanner = new SipProbe("127.0.0.9", Host.SipEndPoint))
        {
            await scanner.InviteAsync("0097259000000", "friendly-scanner");
        }

        await WaitUntilAsync(() => guard.Honeypot.LastDialled("0097259000000") is not null);
        var tested = await CallAsync(Caller(SippScenario.UacExpectFailure) with
        {
            Callee = "0097259000000", Variables = new Dictionary<string, string> { ["expected_status"] = "403" },
        });
        var ordinary = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = Callee });

        Assert.True(tested.AllCallsSucceeded, tested.ToString());
        Assert.True(ordinary.AllCallsSucceeded, ordinary.ToString());
    }

    private DynamicBlacklist Blacklist => Host.Application.Services.GetRequiredService<DynamicBlacklist>();

    private static SippOptions Attack(int calls) =>
        Caller(SippScenario.UacCallBye) with { Callee = Callee, Calls = calls, CallsPerSecond = 10, TraceMessages = true, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Creates a rule and waits until the switch has it (the promise is 2 s).</summary>
    private async Task<string> RuleAsync(object rule)
    {
        var id = await Tenant.Client.CreateAsync("/v1/fraud-rules", rule);
        await WaitUntilAsync(() => Blacklist.For(Tenant.Id)?.Rules.Any(r => r.Id == id) == true);
        return id;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < RuleLimit, $"The switch did not take the change within {RuleLimit.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>The one stored entry for <paramref name="value"/>, once the writer has stored it (bounded wait).</summary>
    private async Task<JsonObject> SingleEntryAsync(string value)
    {
        for (var i = 0; i < 50; i++)
        {
            var rows = (await Tenant.Client.GetFromApiAsync($"/v1/dynamic-blacklist?value={value}&active=true"))["data"]!.AsArray();
            if (rows.Count > 0)
            {
                return Assert.Single(rows)!.AsObject();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No blacklist entry for {value} was stored within 5 s.");
    }

    private async Task<IReadOnlyList<JsonObject>> EventsAsync(string ruleId, int expected)
    {
        List<JsonObject> events = [];
        for (var i = 0; i < 50 && events.Count < expected; i++)
        {
            events = (await Tenant.Client.GetFromApiAsync($"/v1/dynamic-blacklist/events?rule_id={ruleId}"))["data"]!.AsArray().Select(e => e!.AsObject()).ToList();
            await Task.Delay(events.Count < expected ? 100 : 0);
        }

        return events;
    }
}

internal static class ApiReads
{
    public static async Task<JsonObject> GetFromApiAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }
}
