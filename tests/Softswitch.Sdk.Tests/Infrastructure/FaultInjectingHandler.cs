using System.Net;

namespace Softswitch.Sdk.Tests.Infrastructure;

/// <summary>
/// Between the SDK and the server: records every send's Idempotency-Key, and for the first <c>failures</c> sends either
/// lets the server handle the request and answers 503 instead (the response lost on the way back), or fails the
/// connection before the server sees it.
/// </summary>
public sealed class FaultInjectingHandler(int failures, FaultInjectingHandler.Fault fault) : DelegatingHandler
{
    public enum Fault
    {
        ResponseLostAs503,
        ConnectionRefused,
    }

    private int sends;

    public List<string?> IdempotencyKeys { get; } = [];

    public int Sends => sends;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref sends);
        IdempotencyKeys.Add(request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null);
        if (n <= failures && fault == Fault.ConnectionRefused)
        {
            throw new HttpRequestException("Connection refused (injected).");
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (n > failures)
        {
            return response;
        }

        response.Dispose();
        return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
    }
}
