namespace Softswitch.Sdk;

/// <summary>Settings for one call.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// Makes a POST safe to repeat: the API answers a repeat with the first response (24 h). When unset, the SDK makes
    /// one per call and sends it on every retry of that call.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Platform admin key only: the tenant to act on (the <c>Softswitch-Tenant</c> header). Tenant keys ignore it.</summary>
    public string? Tenant { get; init; }

    /// <summary>This call's limit, retries included.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>An ETag from a read: the update or delete is refused (412) if the resource changed since.</summary>
    public string? IfMatch { get; init; }
}
