using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/scanner-destinations</c>: the scanner honeypot, numbers that sources banned as scanners tried to reach.
/// Platform-wide: every key lists them (a tenant key sees no scanner address); only the platform admin forgets one.
/// </summary>
public class ScannerDestinationService : Service
{
    private const string Path = "v1/scanner-destinations";

    internal ScannerDestinationService(ApiRequester requester) : base(requester) { }

    public virtual Task<Page<ScannerDestination>> ListAsync(
        ScannerDestinationListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<ScannerDestination>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<ScannerDestination> ListAutoPagingAsync(
        ScannerDestinationListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<ScannerDestination>(Path, options, request, cancellationToken);

    /// <summary>Forgets a false positive (platform admin): switches stop refusing calls to it within 2 s.</summary>
    public virtual Task ForgetAsync(string number, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync($"{Path}/{QueryString.Segment(number)}", request, cancellationToken);
}
