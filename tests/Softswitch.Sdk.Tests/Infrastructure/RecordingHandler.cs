using System.Net;

namespace Softswitch.Sdk.Tests.Infrastructure;

/// <summary>
/// Stands in for the API: records the method, path and query parameters of every request and answers each with a
/// 400 problem, so an SDK call ends as soon as it has sent.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<SentRequest> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        Requests.Add(new SentRequest(request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), QueryParameters.Parse(uri.Query)));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request });
    }
}

internal sealed record SentRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query)
{
    public override string ToString() => $"{Method} {Path}";
}

internal static class QueryParameters
{
    /// <summary>The name and unescaped value of each parameter of a query (<c>?a=1&amp;b=2</c> or a path with one).</summary>
    public static IReadOnlyDictionary<string, string> Parse(string pathOrQuery)
    {
        var start = pathOrQuery.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return new Dictionary<string, string>();
        }

        return pathOrQuery[(start + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""));
    }
}
