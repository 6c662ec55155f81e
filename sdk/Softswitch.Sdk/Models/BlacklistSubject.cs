namespace Softswitch.Sdk;

public enum BlacklistSubject
{
    Caller,
    Callee,
    Account,
}
