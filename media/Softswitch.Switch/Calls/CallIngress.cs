using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Decides whether a new INVITE is a call the switch takes. A call is accepted from a mapping gateway, matched by
/// source address (and tech prefix), or from a phone of the tenant named by the From domain after digest
/// authentication (407, RFC 3261 §22.3). Anything else is refused with 403.
/// </summary>
internal sealed class CallIngress(DigestAuthenticator authenticator)
{
    public async ValueTask<IngressVerdict> AdmitAsync(SwitchConfigSnapshot snapshot, SipRequest invite)
    {
        var source = invite.Source!.Value.EndPoint.Address;
        var callee = invite.Uri.User ?? "";
        var caller = invite.From.Uri.User ?? "";
        if (snapshot.TryIdentifyIngress(source, callee, out var trunk))
        {
            var tenant = snapshot.Tenants[trunk.Gateway.TenantId];
            return IngressVerdict.Accept(new CallOrigin(
                tenant, tenant.Accounts[trunk.Gateway.AccountId], trunk.Gateway, null, caller, trunk.Callee));
        }

        var domain = invite.From.Uri.Host;
        if (snapshot.FindTenantByDomain(domain) is not { } phoneTenant)
        {
            return IngressVerdict.Forbid(SipResponse.CreateFor(invite, 403, "Forbidden - Unknown source"));
        }

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
