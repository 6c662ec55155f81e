using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/accounts/{accountId}/subscriptions</c>: an account's package subscriptions.</summary>
public class SubscriptionService : Service
{
    internal SubscriptionService(ApiRequester requester) : base(requester) { }

    /// <summary>Subscribes the account; the first month's rent is charged at once.</summary>
    public virtual Task<Subscription> CreateAsync(
        string accountId, SubscriptionOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<Subscription>(Collection(accountId), options, request, cancellationToken);

    public virtual Task<Subscription> GetAsync(string accountId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<Subscription>(Item(accountId, id), request, cancellationToken);

    /// <summary>Cancels the subscription now (DELETE) and answers it as cancelled; the row stays for the ledger.</summary>
    public virtual Task<Subscription> CancelAsync(string accountId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendDeleteAsync<Subscription>(Item(accountId, id), request, cancellationToken);

    public virtual Task<Page<Subscription>> ListAsync(
        string accountId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<Subscription>(Collection(accountId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<Subscription> ListAutoPagingAsync(
        string accountId, ListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<Subscription>(Collection(accountId), options, request, cancellationToken);

    private static string Collection(string accountId) => $"v1/accounts/{QueryString.Segment(accountId)}/subscriptions";

    private static string Item(string accountId, string id) => $"{Collection(accountId)}/{QueryString.Segment(id)}";
}
