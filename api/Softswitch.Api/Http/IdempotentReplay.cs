namespace Softswitch.Api.Http;

/// <summary>
/// Lets an endpoint whose response shows a secret once (a new API key) name what an Idempotency-Key replay answers
/// instead, so the secret never reaches the stored idempotency record.
/// </summary>
public static class IdempotentReplay
{
    private static readonly object ItemKey = new();

    /// <summary>Store <paramref name="replayBody"/> (serialized as the API's JSON) rather than the response as sent.</summary>
    public static void AnswerWith(HttpContext http, object replayBody)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[ItemKey] = replayBody;
    }

    public static object? BodyFor(HttpContext http) => http.Items.TryGetValue(ItemKey, out var body) ? body : null;
}
