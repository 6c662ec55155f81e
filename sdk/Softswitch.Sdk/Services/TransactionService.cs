using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/accounts/{accountId}/transactions</c>: an account's ledger, append-only. Post top-ups, refunds and
/// adjustments here; call charges, corrections and package rent are posted by the platform.
/// </summary>
public class TransactionService : Service
{
    internal TransactionService(ApiRequester requester) : base(requester) { }

    public virtual Task<LedgerEntry> CreateAsync(
        string accountId, LedgerEntryCreateOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<LedgerEntry>(Collection(accountId), options, request, cancellationToken);

    public virtual Task<LedgerEntry> GetAsync(string accountId, string id, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetAsync<LedgerEntry>($"{Collection(accountId)}/{QueryString.Segment(id)}", request, cancellationToken);

    public virtual Task<Page<LedgerEntry>> ListAsync(
        string accountId, LedgerEntryListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<LedgerEntry>(Collection(accountId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<LedgerEntry> ListAutoPagingAsync(
        string accountId, LedgerEntryListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<LedgerEntry>(Collection(accountId), options, request, cancellationToken);

    private static string Collection(string accountId) => $"v1/accounts/{QueryString.Segment(accountId)}/transactions";
}
