namespace Softswitch.Domain.Fraud;

/// <summary>One counter: a rule's count for one subject, in one tenant and (for a standalone rule) one gateway.</summary>
public readonly record struct FraudCounterKey(string TenantId, string RuleId, string? MappingGatewayId, string Subject);
