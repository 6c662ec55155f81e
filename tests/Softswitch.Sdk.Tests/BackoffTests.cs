using System.Net;
using System.Net.Http.Headers;
using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Tests;

public sealed class BackoffTests
{
    private static readonly SoftswitchClientOptions Options = new()
    {
        ApiKey = "unused", InitialRetryDelay = TimeSpan.FromMilliseconds(500), MaxRetryDelay = TimeSpan.FromSeconds(8),
    };

    [Theory]
    [InlineData(1, 250, 500)]
    [InlineData(2, 500, 1000)]
    [InlineData(4, 2000, 4000)]
    [InlineData(10, 4000, 8000)]
    public void Delays_double_with_equal_jitter_up_to_the_maximum(int retry, double low, double high)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(low), new RetryBackoff(Options, () => 0).DelayBefore(retry));
        Assert.Equal(TimeSpan.FromMilliseconds(high), new RetryBackoff(Options, () => 1).DelayBefore(retry));
    }

    [Fact]
    public void Retry_after_within_the_maximum_is_honoured_and_beyond_it_means_do_not_retry()
    {
        var backoff = new RetryBackoff(Options, () => 0);
        var now = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

        Assert.True(backoff.TryServerDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), now, out var delta));
        Assert.True(backoff.TryServerDelay(new RetryConditionHeaderValue(now.AddSeconds(5)), now, out var date));
        Assert.False(backoff.TryServerDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), now, out _));
        Assert.Equal(TimeSpan.FromSeconds(3), delta);
        Assert.Equal(TimeSpan.FromSeconds(5), date);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Only_429_and_5xx_are_retried(HttpStatusCode status, bool retried)
    {
        Assert.Equal(retried, RetryBackoff.IsRetryable(status));
    }
}
