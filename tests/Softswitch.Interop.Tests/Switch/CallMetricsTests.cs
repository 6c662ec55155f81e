using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>issue 10 §6: a real call through the switch shows in the platform admin's Prometheus scrape.</summary>
public sealed class CallMetricsTests : SwitchCallTest
{
    [Fact]
    public async Task An_answered_call_counts_a_start_an_answered_end_its_duration_and_its_pdd()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with { Pause = TimeSpan.FromMilliseconds(300) });
        await SingleCdrAsync();
        using var platform = Host.Application.PlatformClient();
        var scrape = await platform.GetStringAsync("/metrics");

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Matches(Sample("softswitch_calls_started_total", "", 1), scrape);
        Assert.Matches(Sample("softswitch_calls_ended_total", ",answered=\"true\"", 1), scrape);
        Assert.Matches(Sample("softswitch_calls_duration_seconds_count", "", 1), scrape);
        Assert.Matches(Sample("softswitch_calls_pdd_seconds_count", "", 1), scrape);
    }

    /// <summary>One line of the Prometheus text format: the name, its labels (the exporter adds otel_scope_name first), the value.</summary>
    private static Regex Sample(string name, string labels, long value) =>
        new($"(?m)^{name}\\{{otel_scope_name=\"[^\"]+\"{Regex.Escape(labels)}\\}} {value}( |$)");
}
