namespace Softswitch.Domain;

/// <summary>The platform disabling an endpoint, and the notice the tenant reads about it.</summary>
public static class WebhookEndpointState
{
    /// <summary>The security-event rule that tells a tenant its endpoint was disabled (<c>GET /v1/security-events?rule=webhook-disabled</c>).</summary>
    public const string DisabledRule = "webhook-disabled";

    /// <summary>Disables <paramref name="endpoint"/> and returns the tenant's notice, to be saved with it.</summary>
    public static SecurityEvent Disable(WebhookEndpoint endpoint, string reason, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Enabled = false;
        endpoint.DisabledReason = reason;
        endpoint.DisabledAt = now;
        var evidence = $"Webhook endpoint {endpoint.Id} ({endpoint.Url}) was disabled: {reason}.";
        return new SecurityEvent
        {
            OccurredAt = now,
            Rule = DisabledRule,
            Action = SecurityAction.Alert,
            Address = "",
            TenantId = endpoint.TenantId,
            Evidence = evidence.Length > IpBan.EvidenceMaxLength ? evidence[..IpBan.EvidenceMaxLength] : evidence,
        };
    }
}
