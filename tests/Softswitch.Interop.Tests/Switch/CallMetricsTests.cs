using System.Globalization;
using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>issue 10 §6: a real call through the switch shows in the platform admin's Prometheus scrape.</summary>
/// <remarks>
/// Other test hosts in this process place calls at the same time; the scrape must count this host's call exactly once,
/// which fails if the provider also reads their meters (Telemetry.OnlyThisHost).
/// </remarks>
public sealed class CallMetricsTests : SwitchCallTest
{
    private static readonly (string Name, string Labels)[] Figures =
    [
        ("softswitch_calls_started_total", ""),
        ("softswitch_calls_ended_total", ",answered=\"true\""),
        ("softswitch_calls_duration_seconds_count", ""),
        ("softswitch_calls_pdd_seconds_count", ""),
    ];

    [Fact]
    public async Task An_answered_call_counts_a_start_an_answered_end_its_duration_and_its_pdd()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using var platform = Host.Application.PlatformClient();
        var before = await platform.GetStringAsync("/metrics");

        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with { Pause = TimeSpan.FromMilliseconds(300) });
        await SingleCdrAsync();
        var after = await platform.GetStringAsync("/metrics");

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        foreach (var (name, labels) in Figures)
        {
            Assert.True(ValueOf(after, name, labels) == ValueOf(before, name, labels) + 1, $"{name}{labels} did not count the call exactly once:\n{before}\n---\n{after}");
        }
    }

    /// <summary>One sample of the Prometheus text format (the exporter adds otel_scope_name first); 0 when absent.</summary>
    private static double ValueOf(string scrape, string name, string labels)
    {
        var match = Regex.Match(scrape, $"(?m)^{name}\\{{otel_scope_name=\"[^\"]+\"{Regex.Escape(labels)}\\}} ([0-9.e+]+)( |$)");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
