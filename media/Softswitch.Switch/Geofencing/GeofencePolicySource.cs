namespace Softswitch.Switch.Geofencing;

/// <summary>The geofence policy in force; new calls read <see cref="Current"/>, a refresher publishes the next.</summary>
public sealed class GeofencePolicySource
{
    private volatile GeofencePolicy _current = GeofencePolicy.Empty;

    public GeofencePolicy Current => _current;

    public void Publish(GeofencePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _current = policy;
    }
}
