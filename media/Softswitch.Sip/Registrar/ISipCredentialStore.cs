using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Registrar;

/// <summary>Looks up the stored HA1 values of a user; null when the user does not exist.</summary>
public interface ISipCredentialStore
{
    ValueTask<DigestHa1?> FindAsync(string realm, string user, CancellationToken cancellationToken);
}
