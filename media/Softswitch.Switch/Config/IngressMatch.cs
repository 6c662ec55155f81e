namespace Softswitch.Switch.Config;

/// <summary>The trunk a call arrived on, and the callee with the trunk's tech prefix removed.</summary>
public readonly record struct IngressMatch(MappingGatewayEntry Gateway, string Callee);
