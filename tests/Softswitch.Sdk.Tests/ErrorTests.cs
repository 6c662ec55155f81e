using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_validation_failure_throws_the_problem_with_its_field_errors()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Errors");
        using var client = app.Sdk(key);

        var refused = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Accounts.CreateAsync(new AccountCreateOptions
        {
            Name = "Bad", Kind = AccountKind.Client, Currency = "usd", AccessIps = ["not-an-address"],
        }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(400, refused.Problem.Status);
        Assert.Contains("currency", refused.Errors.Keys);
        Assert.Contains(refused.Errors.Keys, k => k.StartsWith("access_ips", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_id_is_a_typed_404_and_a_missing_key_a_typed_401()
    {
        await using var app = new SdkTestApplication();
        var (_, ownerKey) = await app.CreateTenantAsync("Owner");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var owner = app.Sdk(ownerKey);
        using var other = app.Sdk(otherKey);
        using var nobody = app.Sdk("ssk_live_not.a-real-key");
        var account = await owner.Accounts.CreateAsync(new AccountCreateOptions { Name = "Mine", Kind = AccountKind.Client, Currency = "USD" });

        var hidden = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.Accounts.GetAsync(account.Id));
        var unauthenticated = await Assert.ThrowsAsync<SoftswitchApiException>(() => nobody.Accounts.ListAsync());

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.NotNull(hidden.Problem.Title);
        Assert.Empty(hidden.Errors);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_throws_TimeoutException()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Timeout");
        using var client = app.Sdk(key, maxRetries: 0, new HangingHandler());

        await Assert.ThrowsAsync<TimeoutException>(() =>
            client.Accounts.ListAsync(request: new RequestOptions { Timeout = TimeSpan.FromMilliseconds(100) }));
    }

    /// <summary>A server that never answers (until the call gives up).</summary>
    private sealed class HangingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
