using System.Text.Json;
using System.Text.Json.Serialization;

namespace Softswitch.Switch.Cdrs;

internal enum SpoolEntryKind : byte
{
    /// <summary>A call in progress: the latest journal entry of a call without a final one becomes an interrupted CDR.</summary>
    Journal = 1,

    /// <summary>A finished call's CDR, to be stored.</summary>
    Final = 2,
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CallDetailRecord))]
internal sealed partial class SpoolJsonContext : JsonSerializerContext;
