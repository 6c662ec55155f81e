namespace Softswitch.Switch.Health;

/// <summary>Sends one OPTIONS to a peer; true when any SIP response came back, false on a timeout or an unresolvable host.</summary>
public interface IOptionsProbe
{
    Task<bool> ProbeAsync(ProbeTarget target);
}
