namespace Softswitch.Domain;

/// <summary>What an API key may do. Stored as text such as <c>"Read, Write"</c>.</summary>
[Flags]
public enum ApiKeyScopes
{
    None = 0,
    Read = 1,
    Write = 2,
    Admin = 4,
}
