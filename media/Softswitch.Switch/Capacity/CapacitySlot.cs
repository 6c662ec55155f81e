namespace Softswitch.Switch.Capacity;

/// <summary>One call slot of a gateway, handed by routing to the answered call that holds it until the call ends.</summary>
public readonly record struct CapacitySlot(CallCapacity Capacity, string GatewayId)
{
    public void Release() => Capacity.Release(GatewayId);
}
