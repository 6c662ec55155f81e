namespace Softswitch.Sdk;

public enum BlacklistEventKind
{
    Warning,
    WouldBlock,
    Blocked,
    Added,
    Released,
    Expired,
    CountersReset,
}
