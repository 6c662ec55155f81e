namespace Softswitch.Domain.Fraud;

/// <summary>What one entry of a tenant's blacklist names: a subject, tenant-wide (no gateway) or through one gateway.</summary>
public readonly record struct BlacklistKey(string? MappingGatewayId, BlacklistSubject Subject, string Value);
