using System.Globalization;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// A registrar (RFC 3261 §10.3) with Digest authentication: 401 with SHA-256 and MD5 challenges, 403 after a second
/// failed attempt, 423 for too-brief expiries, and 200 listing the current contacts with their remaining expiry.
/// </summary>
public sealed class SipRegistrar(
    SipBindingStore bindings,
    ISipCredentialStore credentials,
    DigestAuthenticator authenticator,
    SipRegistrarOptions options,
    TimeProvider timeProvider)
{
    private long _contactLimitRefusals;

    public SipBindingStore Bindings => bindings;

    /// <summary>REGISTERs refused because their AOR would pass <see cref="SipRegistrarOptions.MaxContactsPerAor"/>.</summary>
    public long ContactLimitRefusals => Interlocked.Read(ref _contactLimitRefusals);

    /// <summary>Answers a REGISTER received in a server transaction.</summary>
    public async Task HandleAsync(SipServerTransaction transaction, CancellationToken cancellationToken = default) =>
        transaction.SendResponse(await HandleAsync(transaction.Request, cancellationToken).ConfigureAwait(false));

    /// <summary>Processes a REGISTER and returns the response to send.</summary>
    public async Task<SipResponse> HandleAsync(SipRequest request, CancellationToken cancellationToken = default)
    {
        var aor = request.To.Uri;
        var domain = aor.Host;
        var user = aor.User ?? "";
        var realm = options.Realm ?? domain;

        var (verdict, username) = await authenticator.VerifyAsync(
            request, realm, name => credentials.FindAsync(realm, name, cancellationToken)).ConfigureAwait(false);
        switch (verdict)
        {
            case DigestVerdict.Missing or DigestVerdict.BadNonce or DigestVerdict.Replay:
                return Challenge(request, realm, stale: false, afterFailure: false);
            case DigestVerdict.Stale:
                return Challenge(request, realm, stale: true, afterFailure: false);
            case DigestVerdict.Invalid or DigestVerdict.UnknownUser:
                return Challenge(request, realm, stale: false, afterFailure: true);
            case DigestVerdict.InvalidAgain:
                return SipResponse.CreateFor(request, 403);
            case DigestVerdict.UriMismatch:
                return SipResponse.CreateFor(request, 400, "Bad Request - Credentials for another URI");
            case DigestVerdict.RealmBudgetExhausted:
                return DigestBudget.Exhausted(request);
        }

        // RFC 3261 §10.3 step 6: the authenticated user may only change its own bindings.
        if (!string.Equals(username, user, StringComparison.Ordinal))
        {
            return SipResponse.CreateFor(request, 403, "Forbidden - Not your address-of-record");
        }

        var contacts = request.Contacts;
        if (contacts.Any(c => c.IsWildcard))
        {
            if (contacts.Count != 1 || request.Expires != 0)
            {
                return SipResponse.CreateFor(request, 400, "Bad Request - Wildcard Contact needs Expires: 0 alone");
            }

            bindings.RemoveAll(domain, user);
            return Success(request, domain, user);
        }

        var changes = new List<(SipNameAddress, TimeSpan)>(contacts.Count);
        foreach (var contact in contacts)
        {
            var expires = Expiry(contact, request);
            if (expires > TimeSpan.Zero && expires < options.MinExpires)
            {
                var tooBrief = SipResponse.CreateFor(request, 423);
                tooBrief.Headers.Add(SipHeaderKind.MinExpires, ((int)options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }

            changes.Add((contact.WithoutParameter("expires"), expires > options.MaxExpires ? options.MaxExpires : expires));
        }

        switch (bindings.Apply(domain, user, changes, request.CallId, request.CSeq.Number, request.Source ?? default, options.MaxContactsPerAor))
        {
            case BindingChange.OutOfOrder:
                return SipResponse.CreateFor(request, 500, "Server Internal Error - Out of order REGISTER");
            case BindingChange.TooManyContacts:
                Interlocked.Increment(ref _contactLimitRefusals);
                return SipResponse.CreateFor(request, 403, "Forbidden - Too many contacts");
            default:
                return Success(request, domain, user);
        }
    }

    private TimeSpan Expiry(SipNameAddress contact, SipRequest request)
    {
        // RFC 3261 §10.2.1.1: the contact's expires parameter wins over the Expires header.
        if (int.TryParse(contact.Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return request.Expires is { } header ? TimeSpan.FromSeconds(header) : options.DefaultExpires;
    }

    private SipResponse Challenge(SipRequest request, string realm, bool stale, bool afterFailure)
    {
        var response = SipResponse.CreateFor(request, 401);
        authenticator.Challenge(response, realm, stale, afterFailure);
        return response;
    }

    private SipResponse Success(SipRequest request, string domain, string user)
    {
        var response = SipResponse.CreateFor(request, 200);
        var now = timeProvider.GetUtcNow();
        foreach (var binding in bindings.Get(domain, user))
        {
            var remaining = (int)Math.Ceiling((binding.ExpiresAt - now).TotalSeconds);
            response.Headers.Add(SipHeaderKind.Contact,
                binding.Contact.WithParameter("expires", remaining.ToString(CultureInfo.InvariantCulture)).ToString());
        }

        response.Headers.Add(SipHeaderKind.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }
}
