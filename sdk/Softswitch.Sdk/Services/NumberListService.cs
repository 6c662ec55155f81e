using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>
/// <c>/v1/number-lists</c>: black and white lists of full numbers, and <c>/{id}/numbers</c>: their numbers, added and
/// removed up to 10,000 at a time, imported from CSV, exported, or paged through in ascending order.
/// </summary>
public class NumberListService : CrudService<NumberList, NumberListOptions, NumberListOptions, NumberListListOptions>
{
    private const string Path = "v1/number-lists";
    private const string CsvMediaType = "text/csv";

    internal NumberListService(ApiRequester requester) : base(requester, Path) { }

    public virtual Task<Page<ListedNumber>> ListNumbersAsync(
        string listId, ListedNumberListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendListAsync<ListedNumber>(Numbers(listId), options, request, cancellationToken);

    public virtual IAsyncEnumerable<ListedNumber> ListNumbersAutoPagingAsync(
        string listId, ListedNumberListOptions? options = null, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        AutoPageAsync<ListedNumber>(Numbers(listId), options, request, cancellationToken);

    public virtual Task<NumbersChange> AddNumbersAsync(
        string listId, NumbersOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<NumbersChange>(Numbers(listId), options, request, cancellationToken);

    public virtual Task<NumbersChange> RemoveNumbersAsync(
        string listId, NumbersOptions options, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<NumbersChange>($"{Numbers(listId)}/remove", options, request, cancellationToken);

    /// <summary>
    /// Imports numbers from CSV text with a header line naming a <c>number</c> column. Every row is checked first, and the
    /// file goes in whole or not at all; <paramref name="replace"/> swaps the list's numbers for the file's.
    /// </summary>
    public virtual Task<NumbersChange> ImportNumbersAsync(
        string listId, string csv, bool replace = false, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendPostAsync<NumbersChange>(
            QueryString.Append($"{Numbers(listId)}/import", [new("mode", replace ? "replace" : "append")]),
            RequestBody.Text(csv, CsvMediaType), request, cancellationToken);

    /// <summary>The list's numbers as CSV text: a <c>number</c> header, then one number a line in ascending order.</summary>
    public virtual Task<string> ExportNumbersAsync(string listId, RequestOptions? request = null, CancellationToken cancellationToken = default) =>
        SendGetTextAsync($"{Numbers(listId)}/export", CsvMediaType, request, cancellationToken);

    private static string Numbers(string listId) => $"{Path}/{QueryString.Segment(listId)}/numbers";
}
