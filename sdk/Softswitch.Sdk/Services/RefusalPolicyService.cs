using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/refusal-policies</c>: per refusal rule (e.g. <c>geofence-source</c>), the SIP answer the tenant's refused
/// calls get, or monitor-only mode. Every rule is listed, customised or not; changes reach the switch within 2 seconds.
/// </summary>
public class RefusalPolicyService : Service
{
    private const string Path = "v1/refusal-policies";

    internal RefusalPolicyService(ApiRequester requester) : base(requester) { }

    /// <summary>Every refusal rule with the tenant's policy for it, on one page.</summary>
    public virtual Task<Page<RefusalPolicy>> ListAsync(RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Page<RefusalPolicy>>(Path, request, cancellationToken);

    public virtual Task<RefusalPolicy> GetAsync(string rule, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<RefusalPolicy>(Item(rule), request, cancellationToken);

    public virtual Task<RefusalPolicy> UpdateAsync(
        string rule, RefusalPolicyOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPutAsync<RefusalPolicy>(Item(rule), options, request, cancellationToken);

    /// <summary>Drops the tenant's policy: the rule is enforced with its own answer again.</summary>
    public virtual Task DeleteAsync(string rule, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(Item(rule), request, cancellationToken);

    private static string Item(string rule) => $"{Path}/{QueryString.Segment(rule)}";
}
