namespace Softswitch.Sdk;

/// <summary>How a call to a phone rings its registered contacts.</summary>
public enum ForkMode
{
    Sequential,
    Parallel,
}
