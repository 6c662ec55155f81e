using System.Globalization;

namespace Softswitch.Domain;

/// <summary>Ids of webhook events (<c>evt_…</c>), the <c>webhook-id</c> a receiver de-duplicates on.</summary>
public static class WebhookEventIds
{
    public const string Prefix = "evt";

    /// <summary>
    /// The id of a call's event: the CDR id's body and the per-call sequence. Deterministic, so every path that
    /// produces the event (the live fast path, the outbox rows stored with the CDR, a replay of the spool after a
    /// crash) names it the same, and time-ordered like every id because the CDR id is.
    /// </summary>
    public static string ForCall(string cdrId, long sequence)
    {
        ArgumentNullException.ThrowIfNull(cdrId);
        var body = cdrId.AsSpan(cdrId.IndexOf('_', StringComparison.Ordinal) + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}_{body}{sequence:D2}");
    }

    public static string New(DateTimeOffset now) => IdGenerator.New(Prefix, now);
}
