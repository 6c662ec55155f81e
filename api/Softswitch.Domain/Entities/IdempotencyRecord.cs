namespace Softswitch.Domain;

/// <summary>
/// The stored outcome of a request sent with an <c>Idempotency-Key</c> header, replayed when the
/// same key arrives again with the same request hash.
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

    /// <summary>Value of <see cref="Scope"/> for requests made with a platform key.</summary>
    public const string PlatformScope = "platform";

    /// <summary>The tenant id, or <see cref="PlatformScope"/>.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the request (method, path, body) that first used the key.</summary>
    public string RequestHash { get; set; } = "";

    public string Method { get; set; } = "";

    public string Path { get; set; } = "";

    public int StatusCode { get; set; }

    public string ResponseBody { get; set; } = "";

    public string? ResponseContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public DateTime ExpiresAt { get; set; }
}
