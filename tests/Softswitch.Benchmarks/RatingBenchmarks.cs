using BenchmarkDotNet.Attributes;
using Softswitch.Domain;
using Softswitch.Switch.Billing;

namespace Softswitch.Benchmarks;

/// <summary>
/// Rating (issue 9 §1): pricing a callee against a 100,000-prefix rate table with two effective periods per prefix
/// (a deck switching over in the future), the price of a call, and building the deck (what the refresher does on a change).
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class RatingBenchmarks
{
    private const int Prefixes = 100_000;
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private Rate[] _rates = [];
    private RateBook _book = null!;
    private string[] _callees = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        while (prefixes.Count < Prefixes)
        {
            prefixes.Add(random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..random.Next(3, 8)]);
        }

        _rates = [.. prefixes.SelectMany(p => new[] { Rate(p, 0.01m, Now.AddYears(-1), Now.AddDays(30)), Rate(p, 0.012m, Now.AddDays(30), null) })];
        _book = new RateBook([new RateDeck("ten_a", "rt_a", _rates, 4)]);
        var listed = prefixes.ToArray();
        _callees = [.. Enumerable.Range(0, 4096).Select(i => listed[random.Next(listed.Length)] + "1234567")];
    }

    [Benchmark(Baseline = true)]
    public decimal? PriceOneCall()
    {
        var tariff = _book.Find("ten_a", "rt_a", _callees[_next++ & 4095], Now);
        return tariff?.Charge(TimeSpan.FromSeconds(95));
    }

    [Benchmark]
    public int BuildDeck() => new RateDeck("ten_a", "rt_a", _rates, 4).PrefixCount;

    private static Rate Rate(string prefix, decimal price, DateTime from, DateTime? to) => new()
    {
        TenantId = "ten_a", RateTableId = "rt_a", Prefix = prefix, PricePerMinute = price,
        FirstIncrementSeconds = 30, NextIncrementSeconds = 6, EffectiveFrom = from, EffectiveTo = to,
    };
}
