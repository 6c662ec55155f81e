namespace Softswitch.Domain;

/// <summary>
/// Money is a <see cref="decimal"/> with <see cref="Scale"/> (6) decimal places everywhere: balances,
/// credit limits, prices per minute and connect fees. SQL Server stores it as <c>decimal(19,6)</c>;
/// SQLite stores integer micro-units (value × 1,000,000) so sums and comparisons stay exact in SQL.
/// </summary>
public static class Money
{
    public const int Scale = 6;

    /// <summary>Total digits of the SQL Server column.</summary>
    public const int Precision = 19;

    /// <summary>Micro-units per unit: 10^<see cref="Scale"/>.</summary>
    public const long UnitsPerWhole = 1_000_000;

    /// <summary>
    /// Largest magnitude accepted from clients. It fits both stores with room for sums
    /// (SQLite's 64-bit micro-units top out near 9.2 × 10^12).
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>Rounds to <see cref="Scale"/> places, half away from zero.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, Scale, MidpointRounding.AwayFromZero);

    /// <summary>True when the value has at most <see cref="Scale"/> decimal places and is within <see cref="MaxMagnitude"/>.</summary>
    public static bool IsValid(decimal value) => Math.Abs(value) <= MaxMagnitude && Round(value) == value;

    /// <summary>The value in micro-units, rounded half away from zero.</summary>
    public static long ToMicros(decimal value) => checked((long)decimal.Round(value * UnitsPerWhole, 0, MidpointRounding.AwayFromZero));

    public static decimal FromMicros(long micros) => (decimal)micros / UnitsPerWhole;
}
