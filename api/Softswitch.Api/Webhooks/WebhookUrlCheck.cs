using System.Net;
using System.Net.Sockets;
using Softswitch.Api.Http;
using Softswitch.Domain;

namespace Softswitch.Api.Webhooks;

/// <summary>
/// The SSRF guard at save time: an absolute http(s) URL without user info, whose host (an address, or every address
/// its name resolves to now) is public, unless the platform allows private targets. The sender checks again at every
/// connection, so a name re-pointed later (DNS rebinding) is still refused.
/// </summary>
public static class WebhookUrlCheck
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    public static async Task CheckAsync(string field, string? url, bool allowPrivate, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            errors.Add(field, "must be an absolute http or https URL without user info.");
            return;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(ResolveTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, deadline.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                errors.Add(field, $"names a host that does not resolve ({uri.IdnHost}).");
                return;
            }
        }

        if (!allowPrivate && (addresses.Length == 0 || !addresses.All(WebhookTargetRule.IsPublic)))
        {
            errors.Add(field, "targets a private, loopback, link-local or reserved address; only public receivers are allowed.");
        }
    }
}
