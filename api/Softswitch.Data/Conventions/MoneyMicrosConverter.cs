using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Softswitch.Domain;

namespace Softswitch.Data.Conventions;

/// <summary>
/// Stores money as INTEGER micro-units on SQLite, which has no decimal type: EF would otherwise
/// write TEXT, which neither sorts nor sums numerically.
/// </summary>
public sealed class MoneyMicrosConverter() : ValueConverter<decimal, long>(
    value => Money.ToMicros(value),
    micros => Money.FromMicros(micros));
