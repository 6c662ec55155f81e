namespace Softswitch.Sdk;

/// <summary>A routing server to ask: <c>sip:host[:port][;transport=tcp]</c> or an http(s) URL.</summary>
public sealed class RedirectServerOptions
{
    public required string Uri { get; init; }

    public int? TimeoutMilliseconds { get; init; }
}
