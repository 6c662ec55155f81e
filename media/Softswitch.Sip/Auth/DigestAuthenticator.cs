using System.Globalization;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Server side of Digest authentication for SIP (RFC 3261 §22, RFC 7616, RFC 8760): issues challenges for SHA-256 and
/// MD5 with qop=auth and verifies credentials against stored HA1 values.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly DigestNonces _nonces;
    private readonly IReadOnlyList<DigestAlgorithm> _algorithms;
    private readonly IDigestGuard? _guard;

    public DigestAuthenticator(DigestServerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Secret.Length, 32);
        ArgumentOutOfRangeException.ThrowIfZero(options.Algorithms.Count);
        _nonces = new DigestNonces(options, timeProvider ?? TimeProvider.System);
        _algorithms = options.Algorithms;
        _guard = options.Guard;
    }

    /// <summary>
    /// Adds one challenge per configured algorithm to a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate)
    /// response, in the configured order (SHA-256 first by default, as RFC 8760 §2.4 asks). All share one nonce.
    /// </summary>
    public void Challenge(SipResponse response, string realm, bool stale = false, bool afterFailure = false)
    {
        var header = response.StatusCode == 407 ? SipHeaderKind.ProxyAuthenticate : SipHeaderKind.WwwAuthenticate;
        var nonce = _nonces.Create(afterFailure);
        foreach (var algorithm in _algorithms)
        {
            response.Headers.Add(header, new DigestChallenge(realm, nonce, algorithm, "auth", Stale: stale).ToString());
        }
    }

    /// <summary>
    /// Verifies the request's credentials for <paramref name="realm"/> (Authorization, or Proxy-Authorization when
    /// <paramref name="proxy"/>). <paramref name="username"/> is the user the credentials claim, when present.
    /// The <see cref="DigestServerOptions.Guard"/> sees every outcome.
    /// </summary>
    public async ValueTask<(DigestVerdict Verdict, string? Username)> VerifyAsync(
        SipRequest request, string realm, Func<string, ValueTask<DigestHa1?>> findHa1, bool proxy = false)
    {
        var outcome = await VerifyCredentialsAsync(request, realm, findHa1, proxy).ConfigureAwait(false);
        _guard?.OnVerified(request, realm, outcome.Username, outcome.Verdict);
        return outcome;
    }

    private async ValueTask<(DigestVerdict Verdict, string? Username)> VerifyCredentialsAsync(
        SipRequest request, string realm, Func<string, ValueTask<DigestHa1?>> findHa1, bool proxy)
    {
        var header = proxy ? SipHeaderKind.ProxyAuthorization : SipHeaderKind.Authorization;
        DigestCredentials? credentials = null;
        foreach (var value in request.Headers.GetAll(header))
        {
            if (DigestCredentials.TryParse(value, out var parsed) && parsed.Realm == realm)
            {
                credentials = parsed;
                break;
            }
        }

        if (credentials is null)
        {
            return (DigestVerdict.Missing, null);
        }

        var check = _nonces.Inspect(credentials.Nonce, out var afterFailure);
        if (check == DigestNonces.Check.Foreign || !string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase))
        {
            return (DigestVerdict.BadNonce, credentials.Username);
        }

        if (check == DigestNonces.Check.Expired)
        {
            return (DigestVerdict.Stale, credentials.Username);
        }

        if (!DigestUri.Matches(credentials.Uri, request))
        {
            return (DigestVerdict.UriMismatch, credentials.Username);
        }

        // A locked user is looked up as if it did not exist: the answers for both are the same.
        var ha1 = _guard?.IsLocked(realm, credentials.Username) == true ? null : await findHa1(credentials.Username).ConfigureAwait(false);
        if (ha1 is null)
        {
            return (afterFailure ? DigestVerdict.InvalidAgain : DigestVerdict.UnknownUser, credentials.Username);
        }

        var expected = DigestComputation.Response(credentials.Algorithm, ha1.For(credentials.Algorithm), credentials.Nonce,
            credentials.NonceCount, credentials.Cnonce, credentials.Qop, request.Method, credentials.Uri);
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(credentials.Response.ToLowerInvariant())))
        {
            return (afterFailure ? DigestVerdict.InvalidAgain : DigestVerdict.Invalid, credentials.Username);
        }

        if (!long.TryParse(credentials.NonceCount, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var nonceCount))
        {
            return (DigestVerdict.Replay, credentials.Username);
        }

        return _nonces.TryUse(credentials.Nonce, nonceCount, realm) switch
        {
            DigestNonces.Use.Accepted => (DigestVerdict.Valid, credentials.Username),
            DigestNonces.Use.RealmFull => (DigestVerdict.RealmBudgetExhausted, credentials.Username),
            _ => (DigestVerdict.Replay, credentials.Username),
        };
    }
}
