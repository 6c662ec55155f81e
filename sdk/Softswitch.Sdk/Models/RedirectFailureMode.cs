namespace Softswitch.Sdk;

public enum RedirectFailureMode
{
    OwnRoutes,
    Refuse,
}
