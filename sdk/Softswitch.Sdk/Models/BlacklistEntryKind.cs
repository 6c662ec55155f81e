namespace Softswitch.Sdk;

public enum BlacklistEntryKind
{
    Block,
    Allow,
}
