namespace Softswitch.Sdk;

public enum AccountKind
{
    Client,
    Vendor,
}
