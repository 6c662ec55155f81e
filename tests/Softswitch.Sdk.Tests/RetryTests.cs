using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task A_create_whose_responses_were_lost_as_503s_is_retried_with_one_key_and_makes_one_row()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Retry");
        var faults = new FaultInjectingHandler(2, FaultInjectingHandler.Fault.ResponseLostAs503);
        using var client = app.Sdk(key, maxRetries: 2, faults);

        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Once", Kind = AccountKind.Client, Currency = "USD" });

        Assert.Equal(3, faults.Sends);
        Assert.NotNull(faults.IdempotencyKeys[0]);
        Assert.All(faults.IdempotencyKeys, k => Assert.Equal(faults.IdempotencyKeys[0], k));
        Assert.Equal(1, await app.CountAsync(key, "/v1/accounts"));
        Assert.Equal("Once", account.Name);
    }

    [Fact]
    public async Task A_connection_error_is_retried_with_the_callers_own_idempotency_key()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Refused");
        var faults = new FaultInjectingHandler(1, FaultInjectingHandler.Fault.ConnectionRefused);
        using var client = app.Sdk(key, maxRetries: 2, faults);

        await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "T", Currency = "USD" }, new RequestOptions { IdempotencyKey = "order-42" });

        Assert.Equal(["order-42", "order-42"], faults.IdempotencyKeys);
        Assert.Equal(1, await app.CountAsync(key, "/v1/rate-tables"));
    }

    [Fact]
    public async Task Two_calls_get_two_keys_and_reads_carry_none()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Keys");
        var recorder = new FaultInjectingHandler(0, FaultInjectingHandler.Fault.ResponseLostAs503);
        using var client = app.Sdk(key, maxRetries: 2, recorder);

        await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "A", Currency = "USD" });
        await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "B", Currency = "USD" });
        await client.RateTables.ListAsync();

        Assert.NotEqual(recorder.IdempotencyKeys[0], recorder.IdempotencyKeys[1]);
        Assert.Null(recorder.IdempotencyKeys[2]);
        Assert.Equal(2, await app.CountAsync(key, "/v1/rate-tables"));
    }

    [Fact]
    public async Task When_retries_run_out_the_last_503_is_thrown()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Exhausted");
        var faults = new FaultInjectingHandler(10, FaultInjectingHandler.Fault.ResponseLostAs503);
        using var client = app.Sdk(key, maxRetries: 2, faults);

        var thrown = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Accounts.ListAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
        Assert.Equal(3, faults.Sends);
    }

    [Fact]
    public async Task A_429_asking_for_a_longer_wait_than_the_client_allows_is_thrown_at_once()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Throttled");
        var throttle = new ThrottlingHandler(TimeSpan.FromHours(1));
        using var client = app.Sdk(key, maxRetries: 2, throttle);

        var thrown = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Accounts.ListAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, thrown.StatusCode);
        Assert.Equal(1, throttle.Sends);
    }

    /// <summary>Answers every request 429 with the given Retry-After, as the API's token bucket does.</summary>
    private sealed class ThrottlingHandler(TimeSpan retryAfter) : DelegatingHandler
    {
        public int Sends { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sends++;
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
            return Task.FromResult(response);
        }
    }
}
