using System.Runtime.CompilerServices;
using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary>The calls every resource shares, at a collection path such as <c>v1/accounts</c>.</summary>
public abstract class Service
{
    private protected Service(ApiRequester requester) => Requester = requester;

    private protected ApiRequester Requester { get; }

    private protected Task<T> SendPostAsync<T>(string path, object body, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Post, path, body, request, cancellationToken);

    private protected Task<T> SendGetAsync<T>(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Get, path, null, request, cancellationToken);

    private protected Task<T> SendPutAsync<T>(string path, object body, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Put, path, body, request, cancellationToken);

    private protected Task SendDeleteAsync(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync(HttpMethod.Delete, path, null, request, cancellationToken);

    private protected Task SendPostAsync(string path, object body, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync(HttpMethod.Post, path, body, request, cancellationToken);

    /// <summary>A POST whose body is a file (CSV, a database) sent as it is.</summary>
    private protected Task<T> SendPostAsync<T>(string path, RequestBody body, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Post, path, body, request, cancellationToken);

    /// <summary>A GET of an export: the whole text of <paramref name="mediaType"/>.</summary>
    private protected Task<string> SendGetTextAsync(string path, string mediaType, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.GetTextAsync(path, mediaType, request, cancellationToken);

    /// <summary>A POST with no body: an action on a resource, such as acknowledging an alarm.</summary>
    private protected Task<T> SendActionAsync<T>(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Post, path, (RequestBody?)null, request, cancellationToken);

    /// <summary>A DELETE that answers the resource as it was left (e.g. a cancelled subscription).</summary>
    private protected Task<T> SendDeleteAsync<T>(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Delete, path, (RequestBody?)null, request, cancellationToken);

    private protected Task<T> SendCsvPostAsync<T>(string path, string csv, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.SendAsync<T>(HttpMethod.Post, path, RequestBody.Text(csv, "text/csv"), request, cancellationToken);

    private protected Task<string> SendGetCsvAsync(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.GetTextAsync(path, "text/csv", request, cancellationToken);

    private protected Task<Stream> SendGetCsvStreamAsync(string path, RequestOptions? request, CancellationToken cancellationToken) =>
        Requester.GetStreamAsync(path, "text/csv", request, cancellationToken);

    private protected Task<Page<T>> SendListAsync<T>(string path, ListOptions? options, RequestOptions? request, CancellationToken cancellationToken) =>
        SendGetAsync<Page<T>>(QueryString.Append(path, options, options?.Cursor), request, cancellationToken);

    /// <summary>Every row from <paramref name="options"/>'s cursor on, one page request at a time as the caller reads.</summary>
    private protected async IAsyncEnumerable<T> AutoPageAsync<T>(
        string path, ListOptions? options, RequestOptions? request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = options?.Cursor;
        while (true)
        {
            var page = await SendGetAsync<Page<T>>(QueryString.Append(path, options, cursor), request, cancellationToken);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            if (!page.HasMore || page.NextCursor is null)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }
}
