namespace Softswitch.Domain.Fraud;

/// <summary>
/// A <see cref="FraudCounterKey"/> as a tenant's partition of the in-process store holds it (the partition is the
/// tenant). A subject of digits is kept as its <see cref="NumberKey"/>: finding its counter then compares numbers,
/// never reads the string the counter was made with, and the table holds no call's caller or callee string alive.
/// Any other subject (an account id, a number with '+') is kept as it is.
/// </summary>
internal readonly record struct CounterSlotKey(string RuleId, string? MappingGatewayId, ulong Number, string? Text)
{
    public static CounterSlotKey Of(in FraudCounterKey key) => IsNumber(key.Subject, out var number)
        ? new(key.RuleId, key.MappingGatewayId, number, null)
        : new(key.RuleId, key.MappingGatewayId, 0, key.Subject);

    /// <summary>Whether this counter's subject is <paramref name="subject"/>.</summary>
    public bool IsOf(string subject) => IsNumber(subject, out var number) ? Number == number : Text == subject;

    /// <summary>
    /// Callers choose their numbers, so the hash must not let them choose collisions: every bit of the number goes
    /// into <see cref="HashCode"/>, which is seeded per process (a ulong's own hash folds its halves together).
    /// </summary>
    public override int GetHashCode() => HashCode.Combine(RuleId, MappingGatewayId, (uint)Number, (uint)(Number >> 32), Text);

    internal static bool IsNumber(string subject, out ulong number)
    {
        number = 0;
        return subject.Length > 0 && char.IsAsciiDigit(subject[0]) && NumberKey.TryEncode(subject, out number);
    }
}
