namespace Softswitch.Sdk;

/// <summary>A routing server: <c>sip:host[:port][;transport=tcp]</c> or an http(s) URL, and its timeout.</summary>
public sealed class RedirectServer
{
    public required string Uri { get; init; }

    public required int TimeoutMilliseconds { get; init; }
}
