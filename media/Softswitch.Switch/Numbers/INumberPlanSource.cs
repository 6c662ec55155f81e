namespace Softswitch.Switch.Numbers;

/// <summary>Where the call path reads the current <see cref="NumberPlan"/>; never the database.</summary>
public interface INumberPlanSource
{
    NumberPlan Current { get; }
}

/// <summary>Holds the latest published plan.</summary>
public sealed class NumberPlanSource(NumberPlan initial) : INumberPlanSource
{
    private NumberPlan _current = initial;

    public static NumberPlanSource Unconfigured => new(NumberPlan.Unconfigured);

    public NumberPlan Current => Volatile.Read(ref _current);

    public void Publish(NumberPlan plan) => Volatile.Write(ref _current, plan);
}
