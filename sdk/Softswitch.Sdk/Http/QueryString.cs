using System.Text;

namespace Softswitch.Sdk.Http;

internal static class QueryString
{
    public static string Append(string path, ListOptions? options, string? cursor)
    {
        options ??= new ListOptions();
        var builder = new StringBuilder(path);
        var separator = '?';
        IEnumerable<KeyValuePair<string, string?>> parameters =
        [
            new("limit", options.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("cursor", cursor),
            .. options.Filters(),
        ];
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
}
