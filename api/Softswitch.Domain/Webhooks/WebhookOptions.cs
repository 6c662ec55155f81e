using System.ComponentModel.DataAnnotations;

namespace Softswitch.Domain;

/// <summary><c>Softswitch:Webhooks</c>: the platform's webhook settings.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Softswitch:Webhooks";

    /// <summary>Lets endpoints target loopback, private, link-local and unique-local addresses (tests, private clouds).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>One attempt's whole time, connection included (the fast path's Polly timeout; the retry job's too).</summary>
    [Range(1, 30)]
    public int AttemptTimeoutSeconds { get; set; } = 5;

    /// <summary>Quick retries of the fast path after its first attempt, 200 ms then 400 ms apart.</summary>
    [Range(0, 2)]
    public int QuickRetries { get; set; } = 2;

    /// <summary>Deliveries waiting in the switch's memory; past it an event is left to the outbox and the retry job.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Deliveries the fast path runs at once.</summary>
    [Range(1, 1_024)]
    public int Senders { get; set; } = 64;

    [Range(1, 100)]
    public int MaxEndpointsPerTenant { get; set; } = 20;

    /// <summary>Outbox events one tenant may hold; the oldest beyond it are dropped by the retry job, with a security event.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxOutboxEventsPerTenant { get; set; } = 1_000_000;

    /// <summary>Days events and deliveries are kept (longer than the three-day retry schedule).</summary>
    [Range(4, 90)]
    public int RetentionDays { get; set; } = 7;

    /// <summary>Hours the previous secret still signs after a rotation.</summary>
    [Range(0, 168)]
    public int RotationOverlapHours { get; set; } = 24;
}
