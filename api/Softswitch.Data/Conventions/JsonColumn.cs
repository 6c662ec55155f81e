using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Softswitch.Data.Conventions;

/// <summary>
/// Stores a small settings object as one JSON text column. Its lists of strings and enums are read whole by the switch
/// and never queried, so a column per list would only widen the table. Rows that existed before the column read as
/// empty text: the object's defaults.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => json.Length == 0 ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
        property.IsRequired().IsUnicode(false);
        return property;
    }
}
