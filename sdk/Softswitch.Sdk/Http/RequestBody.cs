using System.Text;

namespace Softswitch.Sdk.Http;

/// <summary>A request body, made afresh for every send of a call so that a retry sends it whole again.</summary>
internal sealed class RequestBody
{
    private readonly Func<HttpContent> create;

    private RequestBody(Func<HttpContent> create, bool canResend)
    {
        this.create = create;
        CanResend = canResend;
    }

    /// <summary>False for a stream that cannot seek: it is sent once, and a failed send is not retried.</summary>
    public bool CanResend { get; }

    public static RequestBody Text(string text, string mediaType) =>
        new(() => new StringContent(text, Encoding.UTF8, mediaType), canResend: true);

    /// <summary>The caller's stream from its current position; the caller keeps it open and disposes it.</summary>
    public static RequestBody Stream(Stream stream, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        return new(() => new UnownedStreamContent(stream, start, mediaType), stream.CanSeek);
    }

    public HttpContent CreateContent() => create();
}
