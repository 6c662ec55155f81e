using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Fraud;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// The anti-fraud signalling layer against real attack tools over loopback: SIPp brute-forcing a password, svwar
/// enumerating extensions, svcrack cracking one, a scanner's User-Agent, and a trusted peer over its threshold. SIPp
/// and the probes send from loopback addresses of their own; sipvicious always sends from 127.0.0.1, which this class
/// (unlike <see cref="SwitchHost"/>'s default) does not trust.
/// </summary>
public sealed class SignallingFraudTests : SwitchCallTest
{
    private const string Password = "Tr0ub4dor-3";
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Fraud:AuthFailuresPerAddress"] = "5",
        ["Softswitch:Fraud:AuthFailureWindowSeconds"] = "60",
        ["Softswitch:Fraud:PhoneAuthFailures"] = "1000",
        ["Softswitch:Fraud:SweepDistinctUsers"] = "10",
        ["Softswitch:Fraud:FloodRequests"] = "40",
        ["Softswitch:Fraud:FloodWindowSeconds"] = "30",
        ["Softswitch:Fraud:TrustedThresholdMultiplier"] = "2",

        // sipvicious announces itself as friendly-scanner; these tests judge it by what it does instead.
        ["Softswitch:Fraud:ScannerPatterns"] = "sipcli",

        // sipvicious 0.3.3 sends from 127.0.0.1 whatever its -b says, so here 127.0.0.1 is trusted by nobody.
        ["Softswitch:Fraud:TrustedAddresses"] = "",
    };

    private SignallingGuard Guard => Host.Application.Services.GetRequiredService<SignallingGuard>();

    [Fact]
    public async Task A_register_brute_force_is_banned_at_the_configured_count_and_the_ban_is_listed_explained_and_lifted()
    {
        var domain = await PhoneAsync();
        const string attacker = "127.0.0.5";

        // Each run of the scenario fails twice (401, then 403): the third run's second failure is the sixth, past 5.
        var brute = await CallAsync(Caller(SippScenario.UacRegisterWrongPassword) with
        {
            Account = new SippAccount("1001", "a-guess", domain), AuthUri = domain, LocalAddress = attacker, Calls = 6, CallsPerSecond = 1,
        });

        // Three runs are answered to their end; the other three hear nothing from the first REGISTER on.
        Assert.Equal((6, 3), (brute.Calls.Created, brute.Calls.Successful));
        Assert.False(brute.AllCallsSucceeded);
        Assert.True(Guard.IsBanned(IPAddress.Parse(attacker)));
        using var probe = new SipProbe(attacker, Host.SipEndPoint);
        Assert.Null(await probe.OptionsAsync(Silence));
        Assert.True(Host.Switch.TransportCounters.BannedDropped > 0);

        using var platform = Host.Application.PlatformClient();
        var ban = await WaitForSingleAsync(platform, $"/v1/ip-bans?address={attacker}");
        Assert.Equal(("auth-failures", 6, 5, 60), (ban["rule"]!.GetValue<string>(), ban["count"]!.GetValue<int>(),
            ban["threshold"]!.GetValue<int>(), ban["window_seconds"]!.GetValue<int>()));
        var why = await WaitForSingleAsync(platform, $"/v1/security-events?address={attacker}");
        Assert.Equal(("ban", $"REGISTER 1001@{domain}"), (why["action"]!.GetValue<string>(), why["evidence"]!.GetValue<string>()));

        using var lift = await platform.DeleteAsync($"/v1/ip-bans/{attacker}");
        Assert.Equal(HttpStatusCode.NoContent, lift.StatusCode);
        var lifted = Stopwatch.StartNew();
        string? answer = null;
        while (answer is null && lifted.Elapsed < TimeSpan.FromSeconds(2))
        {
            answer = await probe.OptionsAsync(TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal("SIP/2.0 200 OK", answer);
        TestContext.Current.SendDiagnosticMessage($"ban lifted through the API answered again after {lifted.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Svwar_and_svcrack_learn_nothing_and_then_get_silence()
    {
        var domain = await PhoneAsync();
        var target = $"udp://{Host.SipEndPoint}";
        var tools = IPAddress.Loopback;

        // svwar tells existing from unknown users by a different answer: it gets the same 401 for both, and says so.
        var enumeration = await SipviciousRun.RunAsync("svwar", "-m", "REGISTER", "-e", "995-1040", "-P", Port(), "--domain", domain, target);
        Assert.Contains("authentication request for an unknown extension", enumeration, StringComparison.Ordinal);
        Assert.Contains("found nothing", enumeration, StringComparison.Ordinal);

        // With OPTIONS every user gets the same 200, so svwar keeps sweeping: it finds nothing, and the sweep is banned.
        var sweep = await SipviciousRun.RunAsync("svwar", "-m", "OPTIONS", "-e", "995-1040", "-P", Port(), "--domain", domain, target);
        Assert.DoesNotContain("1001", sweep, StringComparison.Ordinal);
        Assert.Equal("sweep", Guard.FindBan(tools)?.Rule);
        await LiftAsync(tools);

        // The control: with the password second in its list, svcrack finds it, so the tool works against this switch.
        var control = await Dictionary("wrong-1", Password);
        var found = await SipviciousRun.RunAsync("svcrack", "-u", "1001", "-d", control, "-P", Port(), "--domain", domain, target);
        Assert.Contains(Password, found, StringComparison.Ordinal);

        // With the password ninth, the fifth failure in the window (one was the control's) is the last one answered.
        var guesses = await Dictionary([.. Enumerable.Range(1, 8).Select(i => $"wrong-{i}"), Password]);
        var cracking = await SipviciousRun.RunAsync("svcrack", "-u", "1001", "-d", guesses, "-P", Port(), "--domain", domain, target);
        Assert.DoesNotContain(Password, cracking, StringComparison.Ordinal);
        Assert.Equal("auth-failures", Guard.FindBan(tools)?.Rule);
    }

    [Fact]
    public async Task A_request_with_a_scanner_user_agent_is_never_answered()
    {
        using var scanner = new SipProbe("127.0.0.11", Host.SipEndPoint);

        Assert.Null(await scanner.OptionsAsync(Silence, userAgent: "sipcli/v1.8"));
        Assert.Null(await scanner.OptionsAsync(Silence));

        Assert.Equal("scanner", Guard.FindBan(IPAddress.Parse("127.0.0.11"))?.Rule);
    }

    [Fact]
    public async Task A_trusted_peer_over_its_threshold_raises_an_alert_and_keeps_working()
    {
        await Tenant.Client.CreateAsync("/v1/trusted-addresses", new { block = "127.0.0.9/32", description = "our PBX" });
        using var trusted = new SipProbe("127.0.0.9", Host.SipEndPoint);
        using var stranger = new SipProbe("127.0.0.10", Host.SipEndPoint);

        // The trusted list reaches the switch within 2 s; until then the peer is a stranger, so it waits that long.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(100, await trusted.AnsweredInARowAsync(100, TimeSpan.FromSeconds(2)));
        Assert.Equal(40, await stranger.AnsweredInARowAsync(100, TimeSpan.FromSeconds(2)));

        Assert.False(Guard.IsBanned(IPAddress.Parse("127.0.0.9")));
        var alert = await WaitForSingleAsync(Tenant.Client, "/v1/security-events?action=alert");
        Assert.Equal(("flood", "127.0.0.9", 81, 80), (alert["rule"]!.GetValue<string>(), alert["address"]!.GetValue<string>(),
            alert["count"]!.GetValue<int>(), alert["threshold"]!.GetValue<int>()));
    }

    /// <summary>Lifts <paramref name="source"/>'s ban through the API once it is stored, and waits (at most 2 s) until the switch answers it again.</summary>
    private async Task LiftAsync(IPAddress source)
    {
        using var platform = Host.Application.PlatformClient();
        await WaitForSingleAsync(platform, $"/v1/ip-bans?address={source}");
        using var lift = await platform.DeleteAsync($"/v1/ip-bans/{source}");
        Assert.Equal(HttpStatusCode.NoContent, lift.StatusCode);
        for (var waited = Stopwatch.StartNew(); Guard.IsBanned(source); await Task.Delay(50))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), "The lift did not reach the switch within 2 s.");
        }
    }

    /// <summary>A phone 1001 with <see cref="Password"/>, known to the switch; answers the tenant's SIP domain.</summary>
    private async Task<string> PhoneAsync()
    {
        var provisioned = await ProvisionAsync(new VendorTrunk(9));
        await SwitchProvisioning.PhoneAsync(Tenant.Client, provisioned.CustomerAccountId, "1001", Password);
        var domain = await TenantDomainAsync();
        await Host.WaitForAsync(s => s.FindPhone(domain, "1001") is not null, TimeSpan.FromSeconds(5));
        return domain;
    }

    private static string Port() => LoopbackPorts.Free(ProtocolType.Udp).ToString(CultureInfo.InvariantCulture);

    private static async Task<string> Dictionary(params string[] passwords)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("svcrack-").FullName, "dictionary.txt");
        await File.WriteAllLinesAsync(path, passwords);
        return path;
    }

    /// <summary>The one row a list answers once the switch's batched writer has stored it (bounded wait).</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForSingleAsync(HttpClient client, string path)
    {
        for (var i = 0; ; i++)
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            var rows = (await response.ReadObjectAsync())["data"]!.AsArray();
            if (rows.Count > 0 || i == 50)
            {
                return Assert.Single(rows)!;
            }

            await Task.Delay(100);
        }
    }
}
