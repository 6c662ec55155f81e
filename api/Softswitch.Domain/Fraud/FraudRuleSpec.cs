using System.Collections.Frozen;

namespace Softswitch.Domain.Fraud;

/// <summary>An enabled <see cref="FraudRule"/> as the evaluation reads it: immutable, so a rule cannot change under a call.</summary>
public sealed class FraudRuleSpec
{
    public FraudRuleSpec(FraudRule row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Id = row.Id;
        Name = row.Name;
        Kind = row.Kind;
        Scope = row.Scope;
        Gateways = row.MappingGatewayIds.ToFrozenSet(StringComparer.Ordinal);
        WarningLevel = row.WarningLevel;
        BlockingLevel = row.BlockingLevel;
        Window = TimeSpan.FromSeconds(row.WindowSeconds);
        Expire = TimeSpan.FromSeconds(row.ExpireSeconds);
        MonitorOnly = row.MonitorOnly;
        MinAnswered = TimeSpan.FromSeconds(row.MinAnsweredSeconds);
        PrefixLength = row.PrefixLength;
        CountBy = row.CountBy;
        ResponseCode = row.ResponseCode;
    }

    public string Id { get; }

    public string Name { get; }

    public FraudRuleKind Kind { get; }

    public FraudRuleScope Scope { get; }

    public FrozenSet<string> Gateways { get; }

    public int? WarningLevel { get; }

    public int BlockingLevel { get; }

    public TimeSpan Window { get; }

    public TimeSpan Expire { get; }

    public bool MonitorOnly { get; }

    public TimeSpan MinAnswered { get; }

    public int PrefixLength { get; }

    public BlacklistSubject CountBy { get; }

    public int ResponseCode { get; }

    /// <summary>What the rule blacklists when it fires.</summary>
    public BlacklistSubject Blocks => Kind switch
    {
        FraudRuleKind.CallerFrequency or FraudRuleKind.CallerConcurrency => BlacklistSubject.Caller,
        FraudRuleKind.CalleeFrequency or FraudRuleKind.NoAnswer or FraudRuleKind.ScannerDestinations => BlacklistSubject.Callee,
        _ => CountBy,
    };

    /// <summary>A central rule counts every call of the tenant; a standalone one only calls through the gateways that enable it.</summary>
    public bool AppliesTo(string? mappingGatewayId) =>
        Scope == FraudRuleScope.Central || (mappingGatewayId is not null && Gateways.Contains(mappingGatewayId));

    /// <summary>The gateway a counter or entry of this rule belongs to: none for a central rule.</summary>
    public string? ScopeOf(string? mappingGatewayId) => Scope == FraudRuleScope.Central ? null : mappingGatewayId;
}
