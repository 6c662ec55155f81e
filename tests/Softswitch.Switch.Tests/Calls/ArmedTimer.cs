namespace Softswitch.Switch.Tests.Calls;

/// <summary>A timer armed <see cref="At"/> (since the test began) to fire after <see cref="Due"/>.</summary>
internal readonly record struct ArmedTimer(TimeSpan At, TimeSpan Due)
{
    public TimeSpan FiresAt => At + Due;

    public override string ToString() => $"{At.TotalSeconds}+{Due.TotalSeconds}s";
}
