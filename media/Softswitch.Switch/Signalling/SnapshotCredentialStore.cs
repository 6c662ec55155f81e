using Softswitch.Sip.Auth;
using Softswitch.Sip.Registrar;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Signalling;

/// <summary>Phone credentials for the registrar, read from the current snapshot: the realm is the tenant's SIP domain.</summary>
public sealed class SnapshotCredentialStore(ISwitchConfigSource config) : ISipCredentialStore
{
    public ValueTask<DigestHa1?> FindAsync(string realm, string user, CancellationToken cancellationToken) =>
        ValueTask.FromResult(config.Current.FindPhone(realm, user) is { } phone ? new DigestHa1(phone.Ha1Md5, phone.Ha1Sha256) : null);
}
