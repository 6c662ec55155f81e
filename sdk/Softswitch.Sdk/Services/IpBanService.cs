using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/ip-bans</c> (platform admin key): the source addresses the switch stopped answering, lifted one by one, and
/// exported for the host firewall. A lift reaches the switch within 2 seconds.
/// </summary>
public class IpBanService : Service
{
    private const string Path = "v1/ip-bans";

    internal IpBanService(ApiRequester requester) : base(requester) { }

    public virtual Task<Page<IpBan>> ListAsync(IpBanListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<IpBan>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<IpBan> ListAutoPagingAsync(
        IpBanListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<IpBan>(Path, options, request, cancellationToken);

    /// <summary>Lifts every ban in force on <paramref name="address"/> (404 when there is none).</summary>
    public virtual Task LiftAsync(string address, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync($"{Path}/{QueryString.Segment(address)}", request, cancellationToken);

    /// <summary>
    /// The bans in force as a firewall script, their remaining time as timeouts: <paramref name="format"/> is
    /// <c>nftables</c> or <c>ipset</c>.
    /// </summary>
    public virtual Task<string> ExportAsync(string format, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetTextAsync(QueryString.Append($"{Path}/export", [new("format", format)]), "text/plain", request, cancellationToken);
}
