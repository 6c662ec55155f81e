namespace Softswitch.Sip.Auth;

/// <summary>The answer when a realm's share of the nonce replay table is spent (<see cref="DigestServerOptions.MaxTrackedNoncesPerRealm"/>).</summary>
public static class DigestBudget
{
    /// <summary>Long enough for nonces of the realm to expire and leave room.</summary>
    public const int RetryAfterSeconds = 30;

    public static SipResponse Exhausted(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var busy = SipResponse.CreateFor(request, 503, "Service Unavailable - Authentication budget exhausted");
        busy.Headers.Add(SipHeaderKind.RetryAfter, RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return busy;
    }
}
