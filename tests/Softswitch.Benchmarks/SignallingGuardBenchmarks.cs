using System.Net;
using BenchmarkDotNet.Attributes;
using Softswitch.Switch.Config;
using Softswitch.Switch.Fraud;

namespace Softswitch.Benchmarks;

/// <summary>
/// What the anti-fraud gate adds to every packet before parsing: a known source's admission, and a spoofed flood's,
/// where every packet is a new source and the tracking table is full (the oldest source is evicted each time).
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class SignallingGuardBenchmarks
{
    private const int Capacity = 100_000;
    private readonly IPAddress _known = IPAddress.Parse("198.51.100.7");
    private IPAddress[] _spoofed = [];
    private SignallingGuard _guard = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var options = new SignallingGuardOptions { FloodRequests = int.MaxValue / 2, MaxTrackedSources = Capacity };
        _guard = new SignallingGuard(options, new EmptyConfig(), new DiscardingSink(), TimeProvider.System);
        _spoofed = Enumerable.Range(0, 4 * Capacity).Select(i => new IPAddress([172, (byte)(16 + (i >> 16)), (byte)(i >> 8), (byte)i])).ToArray();
        foreach (var address in _spoofed.AsSpan(0, Capacity))
        {
            _guard.Admit(address);
        }
    }

    [Benchmark(Baseline = true)]
    public bool KnownSource() => _guard.Admit(_known);

    [Benchmark]
    public bool SpoofedSource() => _guard.Admit(_spoofed[_next++ % _spoofed.Length]);

    private sealed class EmptyConfig : ISwitchConfigSource
    {
        public SwitchConfigSnapshot Current => SwitchConfigSnapshot.Empty;
    }

    private sealed class DiscardingSink : ISecurityEventSink
    {
        public void Raise(SecurityEvent securityEvent)
        {
        }
    }
}
