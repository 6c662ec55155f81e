using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/cdrs/{cdrId}/corrections</c>: post-billing corrections of a CDR's charge. Each keeps the old charge and the
/// reason, and moves the account's balance by the difference.
/// </summary>
public class CdrCorrectionService : Service
{
    internal CdrCorrectionService(ApiRequester requester) : base(requester) { }

    public virtual Task<CdrCorrection> CreateAsync(
        string cdrId, CdrCorrectionOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<CdrCorrection>(Collection(cdrId), options, request, cancellationToken);

    /// <summary>The CDR's corrections, oldest first.</summary>
    public virtual Task<Page<CdrCorrection>> ListAsync(
        string cdrId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<CdrCorrection>(Collection(cdrId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<CdrCorrection> ListAutoPagingAsync(
        string cdrId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<CdrCorrection>(Collection(cdrId), options, request, cancellationToken);

    private static string Collection(string cdrId) => $"v1/cdrs/{QueryString.Segment(cdrId)}/corrections";
}
