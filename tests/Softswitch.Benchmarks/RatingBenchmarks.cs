using BenchmarkDotNet.Attributes;
using Softswitch.Domain;
using Softswitch.Switch.Billing;

namespace Softswitch.Benchmarks;

/// <summary>
/// Rating (issue 9 §1): pricing a callee against a 100,000-prefix rate table with two effective periods per prefix
/// (a deck switching over in the future), the price of a call, and building the deck (what the refresher does on a change).
/// The whole money cycle of one call (issue 9 §2, §3): price, reserve its first slice, end it and settle, on money alone
/// and with two package subscriptions (free seconds for a prefix set first, then free seconds for every destination).
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class RatingBenchmarks
{
    private const int Prefixes = 100_000;
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Slice = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(95);
    private readonly AccountBudgets _budgets = new();
    private readonly PackageAllowances _allowances = new();
    private readonly Softswitch.Switch.Config.AccountEntry _onMoney = Account("acc_money");
    private readonly Softswitch.Switch.Config.AccountEntry _withPackages = Account("acc_packages");
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
        _allowances.Publish(
        [
            Allowance("sub_a", priority: 1, [.. listed.Take(1_000)]),
            Allowance("sub_b", priority: 2, []),
        ]);
    }

    [Benchmark(Baseline = true)]
    public decimal? PriceOneCall()
    {
        var tariff = _book.Find("ten_a", "rt_a", _callees[_next++ & 4095], Now);
        return tariff?.Charge(TimeSpan.FromSeconds(95));
    }

    [Benchmark]
    public decimal RateReserveAndCloseOnMoney() => Cycle(_onMoney);

    [Benchmark]
    public decimal RateReserveAndCloseWithAllowances() => Cycle(_withPackages);

    [Benchmark]
    public int BuildDeck() => new RateDeck("ten_a", "rt_a", _rates, 4).PrefixCount;

    private static Softswitch.Switch.Config.AccountEntry Account(string id) =>
        new(id, "ten_a", id, AccountKind.Client, 1_000_000_000m, []) { RateTableId = "rt_a" };

    private static AllowanceTerms Allowance(string subscription, int priority, string[] prefixes) =>
        new("ten_a", "acc_packages", subscription, priority, Now.AddDays(-6), Now.AddDays(24), int.MaxValue, prefixes, 0m, 0, 0m, 0);

    /// <summary>One call: priced, its first slice reserved, ended after 95 s, and its charge and usage settled as the CDR store would.</summary>
    private decimal Cycle(Softswitch.Switch.Config.AccountEntry account)
    {
        var callee = _callees[_next++ & 4095];
        var tariff = _book.Find("ten_a", "rt_a", callee, Now)!;
        var call = new CallBilling(account.Id, tariff, 0m, packages: _allowances.Open("ten_a", account.Id, callee, Now, tariff));
        call.TryOpen(_budgets, account, Slice);
        var charge = call.Close(_budgets, Talk);
        _budgets.Settle(account.Id, charge, account.AvailableFunds, 0);
        if (call.Packages is { } packages)
        {
            foreach (var used in packages.Grant.Consumed(packages.Grant.Split(tariff, Talk)))
            {
                _allowances.Settle(used.SubscriptionId, used.PeriodStart, used.Seconds, used.Amount, 0, 0m, 0);
            }
        }

        return charge;
    }

    private static Rate Rate(string prefix, decimal price, DateTime from, DateTime? to) => new()
    {
        TenantId = "ten_a", RateTableId = "rt_a", Prefix = prefix, PricePerMinute = price,
        FirstIncrementSeconds = 30, NextIncrementSeconds = 6, EffectiveFrom = from, EffectiveTo = to,
    };
}
