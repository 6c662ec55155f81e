namespace Softswitch.Domain;

/// <summary>
/// When a failed delivery is tried again (Svix's schedule, stretched to about three days): after the fast path's
/// attempts, 1 minute, 5 minutes, 30 minutes, 2, 5, 10, 14 and 20 hours, then 20 hours again — 71.6 hours in all. A
/// receiver's <c>Retry-After</c> pushes an attempt later, never earlier.
/// </summary>
public static class WebhookRetrySchedule
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(20),
    ];

    /// <summary>Rounds in all before a delivery is given up (the fast path's round included).</summary>
    public static int MaxRounds => Delays.Length + 1;

    /// <summary>When to try after <paramref name="roundsMade"/> failed rounds; null when the schedule is over.</summary>
    public static DateTime? NextAttemptAt(int roundsMade, DateTime now, TimeSpan? retryAfter)
    {
        if (roundsMade < 1 || roundsMade > Delays.Length)
        {
            return null;
        }

        var delay = Delays[roundsMade - 1];
        return now + (retryAfter is { } asked && asked > delay ? asked : delay);
    }
}
