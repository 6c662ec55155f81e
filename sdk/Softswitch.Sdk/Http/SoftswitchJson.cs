using System.Text.Json;
using System.Text.Json.Serialization;

namespace Softswitch.Sdk.Http;

/// <summary>The API's JSON: snake_case members and enum values; members left null are not sent.</summary>
internal static class SoftswitchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };
}
