using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Decides whether a new INVITE is a call the switch takes. An INVITE whose From domain is a tenant's SIP domain
/// comes from a phone and must pass digest authentication (407, RFC 3261 §22.3), even from a trunk's address: a
/// phone behind a customer's NAT must not ride the trunk unauthenticated. Otherwise the call is accepted from the
/// mapping gateway matched by source address (and tech prefix). Anything else is refused with 403.
/// </summary>
internal sealed class CallIngress(DigestAuthenticator authenticator)
{
    public async ValueTask<IngressVerdict> AdmitAsync(SwitchConfigSnapshot snapshot, SipRequest invite)
    {
        var callee = invite.Uri.User ?? "";
        if (snapshot.FindTenantByDomain(invite.From.Uri.Host) is { } phoneTenant)
        {
            return await AdmitPhoneAsync(snapshot, phoneTenant, invite, callee).ConfigureAwait(false);
        }

        switch (snapshot.IdentifyIngress(invite.Source!.Value.EndPoint.Address, callee, out var trunk))
        {
            case IngressLookup.Matched:
                var tenant = snapshot.Tenants[trunk.Gateway.TenantId];
                return IngressVerdict.Accept(new CallOrigin(
                    tenant, tenant.Accounts[trunk.Gateway.AccountId], trunk.Gateway, null, invite.From.Uri.User ?? "", trunk.Callee));
            case IngressLookup.Ambiguous:
                // The reason names no tenant: the caller must not learn who else claims its address.
                return IngressVerdict.Refuse(SipResponse.CreateFor(invite, 403, "Forbidden - Ambiguous source"), ambiguous: true);
            default:
                return IngressVerdict.Forbid(SipResponse.CreateFor(invite, 403, "Forbidden - Unknown source"));
        }
    }

    private async ValueTask<IngressVerdict> AdmitPhoneAsync(SwitchConfigSnapshot snapshot, TenantConfig phoneTenant, SipRequest invite, string callee)
    {
        PhoneEntry? phone = null;
        var (verdict, _) = await authenticator.VerifyAsync(
            invite,
            phoneTenant.SipDomain,
            username =>
            {
                phone = snapshot.FindPhone(phoneTenant.SipDomain, username);
                return ValueTask.FromResult(phone is null ? null : new DigestHa1(phone.Ha1Md5, phone.Ha1Sha256));
            },
            proxy: true).ConfigureAwait(false);
        switch (verdict)
        {
            case DigestVerdict.Valid when phone is not null && phoneTenant.Accounts.TryGetValue(phone.AccountId, out var account):
                // The authenticated phone is the caller: a phone cannot present another number as its identity.
                return IngressVerdict.Accept(new CallOrigin(phoneTenant, account, null, phone, phone.Username, callee));
            case DigestVerdict.InvalidAgain:
                return IngressVerdict.Forbid(SipResponse.CreateFor(invite, 403, "Forbidden - Authentication failed"));
            case DigestVerdict.UriMismatch:
                return IngressVerdict.Forbid(SipResponse.CreateFor(invite, 400, "Bad Request - Credentials for another URI"));
            case DigestVerdict.RealmBudgetExhausted:
                return IngressVerdict.Busy(DigestBudget.Exhausted(invite));
            case DigestVerdict.Valid:
                return IngressVerdict.Forbid(SipResponse.CreateFor(invite, 403, "Forbidden - Account not active"));
            default:
                var challenge = SipResponse.CreateFor(invite, 407);
                authenticator.Challenge(
                    challenge,
                    phoneTenant.SipDomain,
                    stale: verdict == DigestVerdict.Stale,
                    afterFailure: verdict is DigestVerdict.Invalid or DigestVerdict.UnknownUser);
                return IngressVerdict.Challenge(challenge);
        }
    }
}
