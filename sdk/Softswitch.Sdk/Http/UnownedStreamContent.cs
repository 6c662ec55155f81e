using System.Net;
using System.Net.Http.Headers;

namespace Softswitch.Sdk.Http;

/// <summary>
/// A caller's stream as request content, copied from <c>start</c> on each send (a seekable stream is rewound first).
/// Unlike <see cref="StreamContent"/> it never disposes the stream: the request is disposed after every send, and a
/// retry needs the stream again.
/// </summary>
internal sealed class UnownedStreamContent : HttpContent
{
    private readonly Stream stream;
    private readonly long start;

    public UnownedStreamContent(Stream stream, long start, string mediaType)
    {
        this.stream = stream;
        this.start = start;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) =>
        SerializeToStreamAsync(target, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            stream.Position = start;
        }

        await stream.CopyToAsync(target, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = stream.CanSeek ? stream.Length - start : 0;
        return stream.CanSeek;
    }
}
