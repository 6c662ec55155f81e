namespace Softswitch.Domain;

/// <summary>
/// Sends one signed attempt of one event to one endpoint (implemented over HTTP by the host). Signing happens per
/// attempt, with the secrets current at that moment.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}

/// <summary>
/// What one attempt got. <see cref="StatusCode"/> is null when no HTTP answer came (refused target, connection
/// error, timeout, open circuit); <see cref="Error"/> says why.
/// </summary>
public sealed record WebhookAttempt(int? StatusCode, TimeSpan Latency, string? Error, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks never to be called again; the endpoint is disabled.</summary>
    public bool Gone => StatusCode == 410;
}
