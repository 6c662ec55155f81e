namespace Softswitch.Domain;

/// <summary>
/// The stored outcome of a request sent with an <c>Idempotency-Key</c> header, replayed when the
/// same key arrives again with the same request hash. While the first request is still running the
/// record is its claim on the key (<see cref="IsInFlight"/>), so a second request with the key is refused
/// rather than run twice.
/// </summary>
public class IdempotencyRecord : Entity
{
    public const int ScopeMaxLength = 64;
    public const int KeyMaxLength = 255;
    public const int RequestHashLength = 64;
    public const int MethodMaxLength = 16;
    public const int PathMaxLength = 500;
    public const int ContentTypeMaxLength = 255;
    public const int LocationMaxLength = 500;
    public const int ETagMaxLength = 100;

    /// <summary>The <see cref="StatusCode"/> of a claim whose request has not finished.</summary>
    public const int InFlightStatus = 0;

    /// <summary>Value of <see cref="Scope"/> for requests made with a platform key.</summary>
    public const string PlatformScope = "platform";

    /// <summary>The tenant id, or <see cref="PlatformScope"/>.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the request (method, path, body) that first used the key.</summary>
    public string RequestHash { get; set; } = "";

    public string Method { get; set; } = "";

    public string Path { get; set; } = "";

    /// <summary>The stored response's status; <see cref="InFlightStatus"/> while the first request runs.</summary>
    public int StatusCode { get; set; }

    public bool IsInFlight => StatusCode == InFlightStatus;

    public string ResponseBody { get; set; } = "";

    public string? ResponseContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    /// <summary>When the stored response is forgotten, or, in flight, when the claim lapses (its process died).</summary>
    public DateTime ExpiresAt { get; set; }
}
