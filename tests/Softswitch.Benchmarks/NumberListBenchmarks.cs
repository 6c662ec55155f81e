using BenchmarkDotNet.Attributes;
using PhoneNumbers;
using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Benchmarks;

/// <summary>
/// A black list of 1,000,000 numbers (issue 8 §3): loading it from its stored bytes (what the switch's refresher does
/// after reading the row), building it from unsorted keys (a CSV import), and deciding a call against it; and what
/// number classes cost, cached and not.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class NumberListBenchmarks
{
    private const int Size = 1_000_000;
    private byte[] _stored = [];
    private ulong[] _unsorted = [];
    private CompiledNumberList _list = null!;
    private TenantNumbers _tenant = null!;
    private string _listed = "";
    private string _premium = "";
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var numbers = Enumerable.Range(0, Size).Select(_ => "1" + random.NextInt64(2_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _unsorted = [.. numbers.Select(n => NumberKey.TryEncode(n, out var key) ? key : 0)];
        _stored = NumberKey.ToBytes([.. _unsorted.Distinct().Order()]);
        _list = new CompiledNumberList("bl", "bl", NumberListKind.Black, NumberSide.Callee, 403, NumberSet.FromStored(NumberKey.FromBytes(_stored)), PrefixSet.Empty);
        _listed = numbers[Size / 2];
        _tenant = TenantNumbers.Defaults("t");
        var util = PhoneNumberUtil.GetInstance();
        _premium = util.Format(util.GetExampleNumberForType("GB", PhoneNumberType.PREMIUM_RATE), PhoneNumberFormat.E164)[1..];
        _tenant.Classify(_premium, NumberClasses.FromMetadata);
    }

    [Benchmark]
    public int LoadStored() => NumberSet.FromStored(NumberKey.FromBytes(_stored)).Count;

    [Benchmark]
    public int BuildFromImport() => NumberSet.FromKeys([.. _unsorted]).Count;

    [Benchmark(Baseline = true)]
    public bool DecideListed() => _list.Admits("15550001111", _listed);

    [Benchmark]
    public bool DecideUnlisted() => _list.Admits("15550001111", "442071234567");

    [Benchmark]
    public NumberClasses ClassifyCached() => _tenant.Classify(_premium, NumberClasses.FromMetadata);

    [Benchmark]
    public NumberClasses ClassifyByPrefixOnly() => _tenant.Classify(_premium, NumberClasses.Satellite | NumberClasses.HighRisk | NumberClasses.International);

    [Benchmark]
    public NumberClasses ClassifyUncached() => NumberMetadata.Classify((_next++ & 1) == 0 ? _premium : "442071234567");
}
