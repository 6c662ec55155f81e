using System.Text.Json.Serialization;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// One ctrl_tcp event, e.g. <c>{"event":true,"type":"CALL_CLOSED","class":"call","accountaor":"sip:alice@example.test",
/// "direction":"outgoing","peeruri":"sip:bob@example.test","id":"a95cf02c437af206","param":"end of file"}</c>.
/// </summary>
/// <param name="CallId">The SIP Call-ID of the call the event is about.</param>
/// <param name="Param">The detail: a failure reason (<c>Connection refused</c>), a peer URI, or an SDP role.</param>
public sealed record BaresipEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("accountaor")] string? AccountAor,
    [property: JsonPropertyName("direction")] string? Direction,
    [property: JsonPropertyName("peeruri")] string? PeerUri,
    [property: JsonPropertyName("id")] string? CallId,
    [property: JsonPropertyName("param")] string? Param)
{
    public override string ToString() => Param is null ? Type : $"{Type}({Param})";
}
