using System.Net;
using System.Net.Sockets;

namespace Softswitch.Domain;

/// <summary>
/// The SSRF guard's rule: a webhook may only reach public addresses. Loopback, private (RFC 1918), shared (RFC 6598),
/// link-local (cloud metadata at 169.254.169.254 included), unique-local (fc00::/7), unspecified, multicast and
/// reserved addresses are refused unless the platform allows private targets.
/// </summary>
public static class WebhookTargetRule
{
    private static readonly CidrBlock[] NonPublic =
    [
        CidrBlock.Parse("0.0.0.0/8"), CidrBlock.Parse("10.0.0.0/8"), CidrBlock.Parse("100.64.0.0/10"), CidrBlock.Parse("127.0.0.0/8"),
        CidrBlock.Parse("169.254.0.0/16"), CidrBlock.Parse("172.16.0.0/12"), CidrBlock.Parse("192.0.0.0/24"), CidrBlock.Parse("192.168.0.0/16"),
        CidrBlock.Parse("198.18.0.0/15"), CidrBlock.Parse("224.0.0.0/3"),
        CidrBlock.Parse("::/128"), CidrBlock.Parse("::1/128"), CidrBlock.Parse("fc00::/7"), CidrBlock.Parse("fe80::/10"), CidrBlock.Parse("ff00::/8"),
    ];

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && !NonPublic.Any(block => block.Contains(address));
    }
}
