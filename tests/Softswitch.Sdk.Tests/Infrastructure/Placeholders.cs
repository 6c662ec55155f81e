using System.Reflection;

namespace Softswitch.Sdk.Tests.Infrastructure;

/// <summary>Placeholder values for calling SDK methods by reflection and for filling query-option classes.</summary>
internal static class Placeholders
{
    private static readonly DateTimeOffset Time = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A value of <paramref name="type"/> (or of the type it makes nullable); <paramref name="other"/> gives one that
    /// differs from the first, so a member can be told from the others by what changes on the wire.
    /// </summary>
    public static object Value(Type type, bool other = false)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(other ? 1 : 0)!;
        }

        return type == typeof(string) ? (other ? "y" : "x")
            : type == typeof(int) ? (other ? 2 : 1)
            : type == typeof(long) ? (other ? 2L : 1L)
            : type == typeof(decimal) ? (other ? 2m : 1m)
            : type == typeof(bool) ? !other
            : type == typeof(DateTimeOffset) ? (other ? Time.AddHours(1) : Time)
            : throw new NotSupportedException($"No placeholder for {type.Name}.");
    }

    /// <summary>
    /// An options object with every settable member given <see cref="Value"/>, except <paramref name="changed"/>, which
    /// gets the other value (or null where it may be null).
    /// </summary>
    public static object FullySet(Type type, PropertyInfo? changed = null)
    {
        var options = Activator.CreateInstance(type)!;
        var nullability = new NullabilityInfoContext();
        foreach (var property in Settable(type))
        {
            var value = property != changed ? Value(property.PropertyType)
                : nullability.Create(property).WriteState == NullabilityState.Nullable ? null
                : Value(property.PropertyType, other: true);
            property.SetValue(options, value);
        }

        return options;
    }

    public static IEnumerable<PropertyInfo> Settable(Type type) => type.GetProperties().Where(p => p.SetMethod is { IsPublic: true });
}
