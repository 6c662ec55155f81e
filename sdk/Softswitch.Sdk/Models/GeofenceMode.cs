namespace Softswitch.Sdk;

public enum GeofenceMode
{
    Ignore,
    Forbidden,
    Allow,
}
