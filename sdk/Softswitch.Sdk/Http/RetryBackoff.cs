using System.Net;
using System.Net.Http.Headers;

namespace Softswitch.Sdk.Http;

/// <summary>
/// When to retry and how long to wait: connection errors, 429 and 5xx; exponential delays with "equal jitter"
/// (half fixed, half random) so clients that failed together do not retry together.
/// </summary>
internal sealed class RetryBackoff(SoftswitchClientOptions options, Func<double> random)
{
    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    public TimeSpan DelayBefore(int retry)
    {
        var ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds, options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + random() * ceiling / 2);
    }

    /// <summary>The server's Retry-After, if any; a wait beyond <see cref="SoftswitchClientOptions.MaxRetryDelay"/> means "do not retry".</summary>
    public bool TryServerDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now, out TimeSpan delay)
    {
        delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.Zero,
        };
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay <= options.MaxRetryDelay;
    }
}
