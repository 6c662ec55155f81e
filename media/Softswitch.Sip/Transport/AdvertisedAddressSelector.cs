using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Chooses the address peers are told to reach us at (Via sent-by, RFC 3261 §18.1.1). A socket bound to the
/// wildcard address accepts traffic on every interface, but 0.0.0.0 in a Via cannot be routed back to.
/// </summary>
internal static class AdvertisedAddressSelector
{
    /// <summary>
    /// The configured address; else the listen address when it is concrete; else the first usable address of the
    /// machine in the listen address's family; else loopback.
    /// </summary>
    public static IPAddress Choose(IPAddress? configured, IPAddress listen) => Choose(configured, listen, MachineAddresses());

    /// <param name="machineAddresses">Unicast addresses of up, non-loopback interfaces, enumerated only when needed.</param>
    internal static IPAddress Choose(IPAddress? configured, IPAddress listen, IEnumerable<IPAddress> machineAddresses)
    {
        if (configured is not null)
        {
            if (IsWildcard(configured))
            {
                throw new ArgumentException("The advertised address must be one peers can reach, not a wildcard.", nameof(configured));
            }

            return configured;
        }

        if (!IsWildcard(listen))
        {
            return listen;
        }

        // An IPv6 socket is not dual-mode here, so an IPv4 address would name a socket that is not listening.
        var family = listen.AddressFamily;
        return machineAddresses.FirstOrDefault(a => a.AddressFamily == family && !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            ?? (family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback);
    }

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static IEnumerable<IPAddress> MachineAddresses()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            // Interfaces cannot be listed on this platform; the caller falls back to loopback.
            yield break;
        }

        foreach (var networkInterface in interfaces)
        {
            if (networkInterface.OperationalStatus != OperationalStatus.Up || networkInterface.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (var unicast in networkInterface.GetIPProperties().UnicastAddresses)
            {
                yield return unicast.Address;
            }
        }
    }
}
