using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Softswitch.Domain;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Benchmarks;

/// <summary>
/// The geofence decision on the call path with 100,000 ranges in the deciding set: a caller's source address (IPv4,
/// IPv6), and the connection addresses of a typical offer. Addresses are drawn from a shuffled pool, half inside and
/// half outside, so neither the branch predictor nor the cache sees one address over and over.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class GeofenceBenchmarks
{
    private const int Ranges = 100_000;
    private const int Pool = 1 << 16;
    private IPAddress[] _v4 = [];
    private IPAddress[] _v6 = [];
    private byte[] _offer = [];
    private GeofencePolicySource _geofences = null!;
    private int _next;

    [Params(false, true)]
    public bool IPv6Set { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Every other /24 from 10.0.0.0 (IPv4) or every other /48 from 2001:db8:: (IPv6): 100,000 ranges that do not merge.
        var ranges = Enumerable.Range(0, Ranges).Select(i => IPv6Set
            ? AddressRange.Parse($"2001:{0xdb8 + (i >> 15):x}:{(i & 0x7fff) * 2:x}::/48")
            : AddressRange.Parse($"{new IPAddress(BitConverter.GetBytes(0x0A000000u + ((uint)i << 9)).Reverse().ToArray())}/24"));
        var set = IpRangeIndex.Build(ranges);
        if (set.Count != Ranges)
        {
            throw new InvalidOperationException($"The ranges merged into {set.Count}.");
        }

        Console.WriteLine($"// {set.Count:N0} ranges, {set.Bytes:N0} bytes, {(double)set.Bytes / set.Count:N1} bytes per range");
        var fence = new Geofence { Id = "gfn", TenantId = "t", Scope = GeofenceScope.MappingGateway, MappingGatewayId = "trunk", IpRangeSetId = "s", Mode = GeofenceMode.Forbidden };
        _geofences = new GeofencePolicySource();
        _geofences.Publish(GeofencePolicy.Create([fence], new Dictionary<string, IpRangeIndex> { ["s"] = set }));
        var random = new Random(8);
        _v4 = Enumerable.Range(0, Pool).Select(_ => new IPAddress(BitConverter.GetBytes(0x0A000000u + (uint)random.Next(Ranges << 9)).Reverse().ToArray())).ToArray();
        _v6 = Enumerable.Range(0, Pool).Select(_ => IPAddress.Parse($"2001:{0xdb8 + random.Next(4):x}:{random.Next(0x10000):x}::{random.Next(0x10000):x}")).ToArray();
        _offer = Encoding.ASCII.GetBytes(
            "v=0\r\no=- 1 1 IN IP4 10.1.2.3\r\ns=-\r\nc=IN IP4 10.1.2.3\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0 8 101\r\n" +
            "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");
    }

    [Benchmark(Baseline = true)]
    public bool SourceIPv4() => Decide(_v4[_next++ & (Pool - 1)]);

    [Benchmark]
    public bool SourceIPv6() => Decide(_v6[_next++ & (Pool - 1)]);

    [Benchmark]
    public string? Offer() =>
        _geofences.Current.For("t")?.ForCaller("trunk", null) is { } fence ? SessionConnectionAddresses.FirstRefused(_offer, fence) : null;

    private bool Decide(IPAddress source) =>
        _geofences.Current.For("t")?.ForCaller("trunk", null) is { } fence && fence.Refuses(source);
}
