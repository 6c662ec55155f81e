using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Config;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Numbers;

namespace Softswitch.Benchmarks;

/// <summary>
/// The switch's admission pipeline (<see cref="AdmissionStages.Default"/>, as <c>B2buaCore</c> builds it) at the
/// sizes of issue 8: one tenant "t" whose customer trunk sends from 8.0.0.0/5, a tenant geofence forbidding 100,000
/// ranges (every other /24 from 10.0.0.0 to 13.13.63.0), a black list of 1,000,000 callers on the trunk, and a dynamic blacklist of
/// 1,000,000 entries counting every call under caller frequency, callee frequency and distinct callees. INVITEs
/// arrive through a real transaction layer over a transport that sends nothing, so no socket is involved.
/// </summary>
internal sealed class AdmissionPipelineRig : ISipTransactionUser
{
    public const int BlacklistEntries = 1_000_000;
    public const int ListedNumbers = 1_000_000;
    public const int FencedRanges = 100_000;

    /// <summary>The counter bound, raised from its default so the pools are all counted.</summary>
    private const int MaxCounters = 1_000_000;

    /// <summary>Callers and callees are drawn from pools this size, so no rule's level is reached by one number.</summary>
    private const int NumberPool = 1 << 17;

    /// <summary>Sources are drawn from the /24s between the fenced ones, so the fence search runs to the bottom.</summary>
    private const int SourcePool = 1 << 12;

    private readonly SipTransactionLayer _layer;
    private readonly SwitchConfigSnapshot _snapshot;
    private readonly SipEndPoint[] _sources;
    private readonly byte[][] _offers;
    private readonly Random _random = new(8);
    private SipServerTransaction? _last;
    private long _sequence;

    public AdmissionPipelineRig()
    {
        var time = TimeProvider.System;
        _layer = new SipTransactionLayer(new SilentTransport(), new SipTransactionOptions(), time);
        _layer.Attach(this);
        _snapshot = SwitchConfigSnapshot.Create(1, Rows());

        Geofences = Measure(nameof(Geofences), FencedRanges, "range", () =>
        {
            var source = new GeofencePolicySource();
            source.Publish(GeofencePolicy.Create([TenantFence()], new Dictionary<string, IpRangeIndex> { ["fenced"] = FencedSet() }));
            return source;
        });
        Numbers = Measure(nameof(Numbers), ListedNumbers, "listed number", BlackList);
        Blacklist = Measure(nameof(Blacklist), BlacklistEntries, "blacklist entry", DynamicBlacklist);

        var options = new B2buaOptions { MaxActiveCalls = 1_000_000 };
        var counters = new B2buaCounters();
        var authenticator = new DigestAuthenticator(new DigestServerOptions { Secret = new byte[32] }, time);
        Stages = AdmissionStages.Default(
            options, counters, new DiscardedCdrs(), new CallIngress(authenticator), new CallCapacity(), time, NullLogger.Instance, Geofences, Numbers, Blacklist);
        Pipeline = new AdmissionPipeline(Stages, time);

        _sources = [.. Enumerable.Range(0, SourcePool).Select(_ => SipEndPoint.Udp(new IPEndPoint(GapAddress(_random.Next(FencedRanges)), 5060)))];
        _offers = [.. _sources.Select(s => Offer(s.EndPoint.Address))];
    }

    public AdmissionPipeline Pipeline { get; }

    /// <summary>The pipeline's stages, the same instances, for a cost breakdown by stage.</summary>
    public IReadOnlyList<IAdmissionStage> Stages { get; }

    public GeofencePolicySource Geofences { get; }

    public NumberPlanSource Numbers { get; }

    public DynamicBlacklist Blacklist { get; }

    /// <summary>The blacklist's counters, to print how many are live and how many calls went uncounted.</summary>
    public InProcessFraudCounterStore CounterStore { get; } = new(MaxCounters, TimeProvider.System);

    /// <summary>Live server transactions; stays flat while every INVITE is answered after its run.</summary>
    public int TransactionCount => _layer.TransactionCount;

    /// <summary>
    /// A new INVITE that passes every stage: a fresh Call-ID and branch, a caller and callee drawn from the pools (never
    /// listed), a source between the fenced ranges with an offer whose connection address is the source's.
    /// </summary>
    public AdmissionContext NextInvite()
    {
        var n = ++_sequence;
        var pick = _random.Next(SourcePool);
        var source = _sources[pick];
        var host = source.EndPoint.Address.ToString();
        var caller = string.Create(CultureInfo.InvariantCulture, $"1555{_random.Next(NumberPool):D7}");
        var callee = string.Create(CultureInfo.InvariantCulture, $"44{10 + (n % 90)}{_random.Next(NumberPool):D7}");
        var target = SipUri.Parse($"sip:{callee}@192.0.2.10");
        var from = new SipNameAddress { Uri = SipUri.Parse($"sip:{caller}@{host}") }.WithTag(string.Create(CultureInfo.InvariantCulture, $"t{n}"));
        var invite = SipRequest.Create(SipMethods.Invite, target, from, new SipNameAddress { Uri = target }, string.Create(CultureInfo.InvariantCulture, $"bench-{n}"), 1);
        invite.PushVia(new SipVia { Transport = "UDP", Host = host, Port = 5060 }.WithParameter("branch", string.Create(CultureInfo.InvariantCulture, $"z9hG4bK{n}")));
        invite.Headers.Add(SipHeaderKind.Contact, $"<sip:{caller}@{host}>");
        invite.MaxForwards = 70;
        invite.ContentType = "application/sdp";
        invite.Body = _offers[pick];
        invite.Source = source;
        _layer.OnMessage(invite, source);
        var transaction = Interlocked.Exchange(ref _last, null) ?? throw new InvalidOperationException("The layer did not deliver the INVITE.");
        return new AdmissionContext(transaction, _snapshot);
    }

    /// <summary>Gives back what the run reserved and answers the INVITE with 200, which ends its server transaction (RFC 3261 §17.2.1).</summary>
    public void Finish(AdmissionContext context)
    {
        Pipeline.Release(context);
        Answer(context);
    }

    public static void Answer(AdmissionContext context)
    {
        var transaction = context.Transaction;
        transaction.SendResponse(transaction.CreateResponse(200, toTag: "bench"));
    }

    public void OnRequest(SipServerTransaction transaction) => _last = transaction;

    /// <summary>Builds a structure and prints what it holds on the heap once built, in all and per item.</summary>
    private static T Measure<T>(string name, int items, string item, Func<T> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var built = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// {name}: {(after - before) / 1048576.0:F1} MiB held, {(after - before) / (double)items:F1} bytes per {item}");
        GC.KeepAlive(built);
        return built;
    }

    private static SwitchConfigRows Rows()
    {
        var tenant = new Tenant { Id = "t", Name = "t", SipDomain = "pbx.example.net", Status = TenantStatus.Active };
        var account = new Account { TenantId = "t", Id = "c", Name = "c", Status = AccountStatus.Active, Currency = "USD", AccessIps = [] };
        var trunk = new MappingGateway
        {
            TenantId = "t", AccountId = "c", Id = "trunk", Name = "trunk", SourceAddresses = ["8.0.0.0/5"], Status = GatewayStatus.Active,
            NumberScreening = new NumberScreening { NumberListIds = ["bl"] },
        };
        return new SwitchConfigRows([tenant], [account], [], [trunk], [], []);
    }

    private static Geofence TenantFence() =>
        new() { Id = "gfn", TenantId = "t", Scope = GeofenceScope.Tenant, IpRangeSetId = "fenced", Mode = GeofenceMode.Forbidden };

    /// <summary>Every other /24 from 10.0.0.0: 100,000 ranges that do not merge.</summary>
    private static IpRangeIndex FencedSet()
    {
        var set = IpRangeIndex.Build(Enumerable.Range(0, FencedRanges).Select(i => AddressRange.Parse($"{V4(0x0A000000u + ((uint)i << 9))}/24")));
        return set.Count == FencedRanges ? set : throw new InvalidOperationException($"The ranges merged into {set.Count}.");
    }

    /// <summary>An address in the /24 after fenced range <paramref name="index"/>, which no range covers.</summary>
    private IPAddress GapAddress(int index) => V4(0x0A000000u + ((uint)index << 9) + 256 + (uint)_random.Next(1, 255));

    private static IPAddress V4(uint address) => new([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]);

    private static byte[] Offer(IPAddress address) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");

    /// <summary>A caller-side black list of 1,000,000 US numbers on the trunk, none in the 1555 block the calls come from.</summary>
    private static NumberPlanSource BlackList()
    {
        var random = new Random(42);
        var keys = new ulong[ListedNumbers];
        for (var i = 0; i < keys.Length;)
        {
            var number = random.NextInt64(2_000_000_000, 9_999_999_999);
            if (number / 10_000_000 != 555 && NumberKey.TryEncode(string.Create(CultureInfo.InvariantCulture, $"1{number}"), out var key))
            {
                keys[i++] = key;
            }
        }

        var list = new NumberList { TenantId = "t", Id = "bl", Name = "bl", Kind = NumberListKind.Black, Match = NumberSide.Caller, RefusalStatus = 403 };
        return new NumberPlanSource(NumberPlanBuilder.Build([], [], [list], _ => NumberSet.FromKeys(keys), null));
    }

    /// <summary>
    /// 1,000,000 blocked callers (1 followed by ten digits from 0, so none is a 1555 caller) and the three counting rules,
    /// with levels no pooled number reaches; the counter bound is raised from its default so the pools are all counted.
    /// </summary>
    private DynamicBlacklist DynamicBlacklist()
    {
        var time = TimeProvider.System;
        var options = new DynamicBlacklistOptions { MaxCountersPerTenant = MaxCounters, MaxEntriesPerTenant = 2 * BlacklistEntries };
        var blacklist = new DynamicBlacklist(options, CounterStore, new DiscardedFindings());
        blacklist.SetRules(new Dictionary<string, IReadOnlyList<FraudRuleSpec>>
        {
            ["t"] =
            [
                Rule(FraudRuleKind.CallerFrequency, blocking: 200, windowSeconds: 10),
                Rule(FraudRuleKind.CalleeFrequency, blocking: 200, windowSeconds: 10),
                Rule(FraudRuleKind.DistinctCallees, blocking: 100, windowSeconds: 60, prefixLength: 4),
            ],
        });
        var now = time.GetUtcNow();
        var expires = now.AddDays(1);
        for (var i = 0; i < BlacklistEntries; i++)
        {
            var key = new BlacklistKey(null, BlacklistSubject.Caller, string.Create(CultureInfo.InvariantCulture, $"1{i:D10}"));
            blacklist.Apply("t", new BlacklistEntryState(key, BlacklistEntryKind.Block, expires, null), now);
        }

        return blacklist.EntryCount == BlacklistEntries ? blacklist : throw new InvalidOperationException($"The blacklist holds {blacklist.EntryCount} entries.");
    }

    private static FraudRuleSpec Rule(FraudRuleKind kind, int blocking, int windowSeconds, int prefixLength = 0) => new(new FraudRule
    {
        Id = $"frr_{kind}".ToLowerInvariant(), TenantId = "t", Name = kind.ToString(), Kind = kind, BlockingLevel = blocking,
        WindowSeconds = windowSeconds, ExpireSeconds = 600, PrefixLength = prefixLength,
    });

    private sealed class SilentTransport : ISipTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public IPEndPoint AdvertisedEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private sealed class DiscardedCdrs : ICdrSink
    {
        public bool CanRecord => true;

        public ValueTask JournalAsync(CallDetailRecord inProgress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(CallDetailRecord final, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private sealed class DiscardedFindings : IBlacklistFindingSink
    {
        public void Found(BlacklistFinding finding)
        {
        }

        public void Extended(string tenantId, BlacklistKey key, DateTimeOffset expiresAt)
        {
        }
    }
}
