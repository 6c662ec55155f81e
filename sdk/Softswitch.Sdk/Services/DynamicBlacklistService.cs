using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/dynamic-blacklist</c>: the tenant's blacklisted numbers and accounts with their evidence, added by hand or
/// by the fraud rules; <c>/events</c> is what happened to them. Changes reach the switch within 2 seconds.
/// </summary>
public class DynamicBlacklistService : Service
{
    private const string Path = "v1/dynamic-blacklist";
    private const string EventsPath = $"{Path}/events";

    internal DynamicBlacklistService(ApiRequester requester) : base(requester) { }

    /// <summary>Blacklists a number or account by hand.</summary>
    public virtual Task<DynamicBlacklistEntry> AddAsync(
        DynamicBlacklistAddOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<DynamicBlacklistEntry>(Path, options, request, cancellationToken);

    public virtual Task<DynamicBlacklistEntry> GetAsync(string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<DynamicBlacklistEntry>(Item(id), request, cancellationToken);

    /// <summary>
    /// Releases an entry early. With <paramref name="whitelistSeconds"/> (1 s to 30 days) the number is also allowed for
    /// that long, so the rules do not blacklist it again at once.
    /// </summary>
    public virtual Task ReleaseAsync(
        string id, int? whitelistSeconds = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync(QueryString.Append(Item(id), [new("whitelist_seconds", QueryString.Number(whitelistSeconds))]), request, cancellationToken);

    public virtual Task<Page<DynamicBlacklistEntry>> ListAsync(
        DynamicBlacklistListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<DynamicBlacklistEntry>(Path, options, request, cancellationToken);

    public virtual IAsyncEnumerable<DynamicBlacklistEntry> ListAutoPagingAsync(
        DynamicBlacklistListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<DynamicBlacklistEntry>(Path, options, request, cancellationToken);

    /// <summary>Warnings, would-blocks, blocks, additions, releases, expiries and counter resets, oldest first.</summary>
    public virtual Task<Page<DynamicBlacklistEvent>> ListEventsAsync(
        DynamicBlacklistEventListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<DynamicBlacklistEvent>(EventsPath, options, request, cancellationToken);

    public virtual IAsyncEnumerable<DynamicBlacklistEvent> ListEventsAutoPagingAsync(
        DynamicBlacklistEventListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<DynamicBlacklistEvent>(EventsPath, options, request, cancellationToken);

    /// <summary>Clears a number's (or account's) counters under every rule; the API accepts it (202) and the switch applies it.</summary>
    public virtual Task ResetCountersAsync(CounterResetOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync($"{Path}/reset-counters", options, request, cancellationToken);

    private static string Item(string id) => $"{Path}/{QueryString.Segment(id)}";
}
