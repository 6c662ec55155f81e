namespace Softswitch.Worker.Alarms;

/// <summary>What a rule found about one subject in one window (or one call, or one event), before suppression is decided.</summary>
public sealed record AlarmFiring(
    string SubjectType, string SubjectId, string WindowKey, decimal Observed, decimal Threshold, string Evidence, IReadOnlyList<string> CdrIds)
{
    public const string Account = "account";
    public const string RoutingGateway = "routing_gateway";
    public const string Tenant = "tenant";
}
