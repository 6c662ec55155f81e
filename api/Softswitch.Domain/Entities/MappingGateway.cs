namespace Softswitch.Domain;

/// <summary>
/// An inbound trunk (VOS3000 "mapping gateway"): traffic arriving from <see cref="SourceAddresses"/>
/// is billed to <see cref="AccountId"/>.
/// </summary>
public class MappingGateway : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int TechPrefixMaxLength = 16;

    public string AccountId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>IP addresses or CIDR blocks the trunk's traffic comes from (see <see cref="CidrBlock"/>).</summary>
    public List<string> SourceAddresses { get; set; } = [];

    /// <summary>Digits the client puts in front of the callee to identify this trunk; at most 16 digits.</summary>
    public string? TechPrefix { get; set; }

    /// <summary>Applied to the calling number; the first matching rule wins.</summary>
    public List<RewriteRule> CallerRewriteRules { get; set; } = [];

    /// <summary>Applied to the called number; the first matching rule wins.</summary>
    public List<RewriteRule> CalleeRewriteRules { get; set; } = [];

    public int? MaxConcurrentCalls { get; set; }

    public int? MaxCallDurationSeconds { get; set; }

    /// <summary>New calls a second this trunk may send (a token bucket, burst of one second's worth); null: no cap.</summary>
    public int? MaxCallsPerSecond { get; set; }

    public GatewayStatus Status { get; set; }

    /// <summary>Number lists, caller/callee rules and caller length limits checked at admission.</summary>
    public NumberScreening NumberScreening { get; set; } = new();

    public string RewriteCaller(string number) => RewriteRule.ApplyFirstMatch(CallerRewriteRules, number);

    public string RewriteCallee(string number) => RewriteRule.ApplyFirstMatch(CalleeRewriteRules, number);
}
