using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/scanner-destinations</c>: the numbers banned scanners dialled, which a <c>scanner_destinations</c> fraud rule
/// blocks. Every key lists them; only the platform admin key forgets one (the switch stops honouring it within 2 seconds).
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

    /// <summary>Forgets a number dialled by scanners, a false positive, so no tenant's rule blocks it any more (404 when it is not listed).</summary>
    public virtual Task ForgetAsync(string number, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync($"{Path}/{QueryString.Segment(number)}", request, cancellationToken);
}
