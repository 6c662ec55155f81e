using Softswitch.Switch.Config;

namespace Softswitch.Switch.Calls;

/// <summary>Who a call belongs to, once ingress has accepted it: a trunk (mapping gateway) or a registered phone.</summary>
public sealed record CallOrigin(
    TenantConfig Tenant, AccountEntry Account, MappingGatewayEntry? Gateway, PhoneEntry? Phone, string Caller, string Callee)
{
    /// <summary>The capacity counter key of the ingress: the trunk's or the phone's id.</summary>
    public string CapacityKey => Gateway?.Id ?? Phone!.Id;

    public int? CapacityLimit => Gateway is not null ? Gateway.MaxConcurrentCalls : Phone!.MaxConcurrentCalls;
}
