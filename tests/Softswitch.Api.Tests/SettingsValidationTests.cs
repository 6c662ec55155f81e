using Microsoft.Extensions.Options;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>Out-of-range nested settings stop the process at start rather than run with them ([ValidateObjectMembers]).</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Softswitch:Ingress:WidestTenantIPv4Prefix", "0", "WidestTenantIPv4Prefix")] // any tenant could claim 0.0.0.0/0
    [InlineData("Softswitch:RateLimit:Burst", "0", "Burst")]
    [InlineData("Softswitch:Worker:HangfireWorkers", "1000", "HangfireWorkers")]
    [InlineData("Softswitch:RateTables:MaxRatesPerTable", "0", "MaxRatesPerTable")]
    public async Task A_nested_setting_out_of_range_fails_the_start(string key, string value, string named)
    {
        await using var app = new TestApplication(new Dictionary<string, string?> { [key] = value });

        var failure = Record.Exception(() => app.CreateClient());

        var invalid = FindValidationFailure(failure);
        Assert.NotNull(invalid);
        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using var app = new TestApplication();
        using var client = app.CreateClient();
        using var live = await client.GetAsync("/healthz/live");
        Assert.True(live.IsSuccessStatusCode);
    }

    private static OptionsValidationException? FindValidationFailure(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OptionsValidationException invalid)
            {
                return invalid;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(FindValidationFailure).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }
}
