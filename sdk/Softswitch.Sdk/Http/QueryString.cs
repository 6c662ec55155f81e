using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Softswitch.Sdk.Http;

internal static class QueryString
{
    public static string Append(string path, ListOptions? options, string? cursor)
    {
        options ??= new ListOptions();
        return Append(path,
        [
            new("limit", options.Limit?.ToString(CultureInfo.InvariantCulture)),
            new("cursor", cursor),
            .. options.Filters(),
        ]);
    }

    /// <summary><paramref name="path"/> with the parameters that have a value, escaped.</summary>
    public static string Append(string path, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }

    public static string Segment(string id) => Uri.EscapeDataString(id);

    public static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An enum value as the API names it (snake_case).</summary>
    public static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } named ? JsonNamingPolicy.SnakeCaseLower.ConvertName(named.ToString()) : null;

    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Flag(bool? value) => value is { } flag ? (flag ? "true" : "false") : null;

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
