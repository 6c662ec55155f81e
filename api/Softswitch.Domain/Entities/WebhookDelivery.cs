namespace Softswitch.Domain;

/// <summary>
/// The delivery of one event to one endpoint: its state, how many attempts were made, the last attempt's answer
/// (status code, latency, error) and when the next attempt is due.
/// </summary>
public class WebhookDelivery : TenantEntity
{
    public const int ErrorMaxLength = 300;

    public string EndpointId { get; set; } = "";

    public string EventId { get; set; } = "";

    public string EventType { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>HTTP attempts made, quick retries included.</summary>
    public int Attempts { get; set; }

    /// <summary>Rounds of the retry schedule made (<see cref="WebhookRetrySchedule"/>); a redelivery starts again at 0.</summary>
    public int Rounds { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public int? ResponseCode { get; set; }

    public int? LatencyMilliseconds { get; set; }

    public string? Error { get; set; }

    /// <summary>When the long-retry job tries again; null once the delivery succeeded or was given up.</summary>
    public DateTime? NextAttemptAt { get; set; }
}
