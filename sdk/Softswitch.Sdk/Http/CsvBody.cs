namespace Softswitch.Sdk.Http;

/// <summary>A request body sent as <c>text/csv</c> as it is, instead of serialized to JSON.</summary>
internal sealed record CsvBody(string Text);
