namespace Softswitch.Domain;

public enum AccountKind
{
    /// <summary>Sends us traffic and pays us.</summary>
    Client,

    /// <summary>Terminates our traffic and is paid by us.</summary>
    Vendor,
}
