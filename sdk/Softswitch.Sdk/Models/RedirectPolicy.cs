namespace Softswitch.Sdk;

public enum RedirectPolicy
{
    ReturnUpstream,
    Recurse,
}
