namespace Softswitch.Domain.Fraud;

/// <summary>
/// Equality of <see cref="NumberKey"/>s that callers choose, hashed with every bit through the per-process seeded
/// <see cref="HashCode"/> (a ulong's own hash folds its halves, so colliding numbers would be easy to pick).
/// </summary>
internal sealed class SeededNumberComparer : IEqualityComparer<ulong>
{
    public static SeededNumberComparer Instance { get; } = new();

    public bool Equals(ulong x, ulong y) => x == y;

    public int GetHashCode(ulong obj) => HashCode.Combine((uint)obj, (uint)(obj >> 32));
}
