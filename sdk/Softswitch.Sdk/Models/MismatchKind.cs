namespace Softswitch.Sdk;

public enum MismatchKind
{
    MissingOurs,
    MissingTheirs,
    Duration,
    Charge,
}
