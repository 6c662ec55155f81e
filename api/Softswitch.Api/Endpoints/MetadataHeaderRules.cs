using Softswitch.Api.Http;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>The header names a tenant may choose as webhook metadata.</summary>
internal static class MetadataHeaderRules
{
    /// <summary>Headers that carry the caller's credentials: a digest response is no business of a CRM.</summary>
    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization" };

    public static void Check(string field, IReadOnlyList<string>? names, FieldErrors errors)
    {
        if (names is null)
        {
            return;
        }

        if (names.Count > WebhookEndpoint.MaxMetadataHeaders)
        {
            errors.Add(field, $"at most {WebhookEndpoint.MaxMetadataHeaders} headers.");
            return;
        }

        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name) || name.Length > WebhookEndpoint.MetadataHeaderMaxLength || !name.All(IsTokenChar))
            {
                errors.Add(field, $"'{name}' is not a SIP header name (RFC 3261 §25.1 token, at most {WebhookEndpoint.MetadataHeaderMaxLength} characters).");
                return;
            }

            if (Credentials.Contains(name))
            {
                errors.Add(field, $"'{name}' carries credentials and cannot be copied.");
                return;
            }
        }
    }

    // RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';
}
