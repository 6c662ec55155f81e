namespace Softswitch.Sdk;

/// <summary>How a <see cref="SoftswitchClient"/> reaches the API. One options object per client: nothing is global.</summary>
public sealed class SoftswitchClientOptions
{
    /// <summary>A tenant key (<c>ssk_live_…</c>) or the platform admin key (<c>ssk_admin_…</c>).</summary>
    public required string ApiKey { get; init; }

    /// <summary>The API's root, e.g. <c>https://api.example.net/</c>. Unused when the given HttpClient has a BaseAddress.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>Retries after a connection error, 429 or 5xx (so at most MaxRetries + 1 sends a call).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first retry waits about this long; each further one doubles it, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The whole call's limit, retries included, unless <see cref="RequestOptions.Timeout"/> sets another.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock behind retry waits and webhook timestamps; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
