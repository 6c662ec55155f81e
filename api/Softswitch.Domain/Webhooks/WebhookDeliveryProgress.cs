namespace Softswitch.Domain;

/// <summary>What an attempt's answer does to a delivery and its endpoint.</summary>
public static class WebhookDeliveryProgress
{
    public const string GoneReason = "the endpoint answered 410 Gone";
    public const string ExhaustedReason = "deliveries failed for the whole retry schedule (about 3 days)";

    /// <summary>
    /// Records <paramref name="attempt"/> (which took <paramref name="attemptsMade"/> tries) on
    /// <paramref name="delivery"/>: succeeded, due again on the schedule, or failed for good. Returns why the endpoint
    /// must now be disabled (410, or the schedule ran out), or null.
    /// </summary>
    public static string? Apply(WebhookDelivery delivery, WebhookAttempt attempt, int attemptsMade, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        // The schedule counts rounds (the fast path's, then each retry), not the quick retries within a round.
        delivery.Rounds++;
        delivery.Attempts += attemptsMade;
        delivery.LastAttemptAt = now;
        delivery.ResponseCode = attempt.StatusCode;
        delivery.LatencyMilliseconds = (int)Math.Min(int.MaxValue, attempt.Latency.TotalMilliseconds);
        delivery.Error = attempt.Error;
        if (attempt.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Succeeded;
            delivery.NextAttemptAt = null;
            return null;
        }

        if (attempt.Gone)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
            return GoneReason;
        }

        delivery.NextAttemptAt = WebhookRetrySchedule.NextAttemptAt(delivery.Rounds, now, attempt.RetryAfter);
        if (delivery.NextAttemptAt is null)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            return ExhaustedReason;
        }

        delivery.Status = WebhookDeliveryStatus.Pending;
        return null;
    }
}
