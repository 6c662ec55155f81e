using System.Globalization;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Datagrams the kernel dropped for the UDP sockets bound to a port: the last column of <c>/proc/net/udp</c> and
/// <c>/proc/net/udp6</c> (Linux). 0 where those files do not exist. Read only when a metrics reader asks.
/// </summary>
internal static class UdpSocketDrops
{
    public static long Read(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        long drops = 0;
        foreach (var table in (string[])["/proc/net/udp", "/proc/net/udp6"])
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 12 && fields[1].EndsWith(hexPort, StringComparison.Ordinal)
                    && long.TryParse(fields[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var socketDrops))
                {
                    drops += socketDrops;
                }
            }
        }

        return drops;
    }
}
