using Microsoft.Extensions.Time.Testing;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>A tenant's dynamic blacklist on a fake clock, with a recording sink and builders for rules and calls.</summary>
internal sealed class BlacklistRig : IBlacklistFindingSink
{
    private int _calls;

    public BlacklistRig(int maxCounters = 10_000, int maxEntries = 10_000, string tenantId = "ten_a", InProcessFraudCounterStore? counters = null)
    {
        Counters = counters ?? new InProcessFraudCounterStore(maxCounters, Time);
        Blacklist = new TenantBlacklist(tenantId, Counters, this, maxEntries);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

    public InProcessFraudCounterStore Counters { get; }

    public TenantBlacklist Blacklist { get; }

    public List<BlacklistFinding> Findings { get; } = [];

    public List<(BlacklistKey Key, DateTimeOffset ExpiresAt)> Extensions { get; } = [];

    public static FraudRule Rule(FraudRuleKind kind, int blocking, int windowSeconds = 10, int expireSeconds = 60, Action<FraudRule>? edit = null)
    {
        var rule = new FraudRule
        {
            Id = $"frr_{kind}".ToLowerInvariant(), TenantId = "ten_a", Name = kind.ToString(), Kind = kind, BlockingLevel = blocking,
            WindowSeconds = windowSeconds, ExpireSeconds = expireSeconds,
        };
        edit?.Invoke(rule);
        return rule;
    }

    public BlacklistRig With(params FraudRule[] rules)
    {
        Blacklist.SetRules(rules.Select(r => new FraudRuleSpec(r)));
        return this;
    }

    public CallFacts Call(string caller = "15550001", string callee = "4420700001", string? gateway = "mgw_1", string account = "acc_1") =>
        new($"call-{++_calls}", gateway, account, caller, callee);

    public BlacklistDecision Admit(CallFacts call) => Blacklist.Admit(call, Time.GetUtcNow());

    /// <summary>Admits <paramref name="count"/> calls and answers how many got through.</summary>
    public int AdmitMany(int count, Func<int, CallFacts> call) => Enumerable.Range(0, count).Count(i => !Admit(call(i)).Refused);

    public void End(CallFacts call, TimeSpan? answeredFor)
    {
        Blacklist.Release(call);
        Blacklist.Finished(call, answeredFor, Time.GetUtcNow());
    }

    public IEnumerable<BlacklistFinding> Of(BlacklistEventKind kind) => Findings.Where(f => f.Kind == kind);

    public void Found(BlacklistFinding finding) => Findings.Add(finding);

    public void Extended(string tenantId, BlacklistKey key, DateTimeOffset expiresAt) => Extensions.Add((key, expiresAt));
}
