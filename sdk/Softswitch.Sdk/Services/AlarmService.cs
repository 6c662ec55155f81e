using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/alarms</c>: alarms fired by the tenant's rules, acknowledged (being handled) and resolved here.</summary>
public class AlarmService : Service
{
    private const string Path = "v1/alarms";

    internal AlarmService(ApiRequester requester) : base(requester) { }

    public virtual Task<Alarm> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Alarm>(Item(id), request, cancellationToken);

    public virtual Task<Page<Alarm>> ListAsync(AlarmListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Alarm>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<Alarm> ListAutoPagingAsync(
        AlarmListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Alarm>(Path, options, request, cancellationToken);

    /// <summary>Marks an open alarm as seen; the API records the key and the time. An alarm not open is refused (409).</summary>
    public virtual Task<Alarm> AcknowledgeAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendActionAsync<Alarm>($"{Item(id)}/acknowledge", request, cancellationToken);

    /// <summary>Closes the alarm; a resolved one is refused (409).</summary>
    public virtual Task<Alarm> ResolveAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendActionAsync<Alarm>($"{Item(id)}/resolve", request, cancellationToken);

    private static string Item(string id) => $"{Path}/{QueryString.Segment(id)}";
}
