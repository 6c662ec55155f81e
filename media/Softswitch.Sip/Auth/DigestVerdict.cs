namespace Softswitch.Sip.Auth;

public enum DigestVerdict
{
    /// <summary>No credentials for our realm: challenge.</summary>
    Missing,

    Valid,

    /// <summary>Our nonce, correctly signed, but expired: challenge with stale=true (RFC 7616 §3.3).</summary>
    Stale,

    /// <summary>The response did not match: wrong password, or a forged or replayed request.</summary>
    Invalid,

    /// <summary>The response did not match, on a nonce issued after an earlier failure: answer 403.</summary>
    InvalidAgain,

    /// <summary>Not one of our nonces, or malformed credentials.</summary>
    BadNonce,

    /// <summary>A nonce-count not higher than one already used with this nonce (RFC 7616 §3.4.5).</summary>
    Replay,

    UnknownUser,

    /// <summary>The credentials' <c>uri</c> is not the Request-URI (RFC 3261 §22.4): answer 400.</summary>
    UriMismatch,

    /// <summary>The realm's share of the replay table is full of live nonces: challenge again, without counting a failure.</summary>
    RealmBudgetExhausted,
}
