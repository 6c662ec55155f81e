using Microsoft.AspNetCore.Http.HttpResults;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>Collects field errors for one request; field names are the JSON (snake_case) names the client sent.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public FieldErrors Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required.");
        }

        return Optional(field, value, maxLength);
    }

    public FieldErrors Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return this;
    }

    public FieldErrors Digits(string field, string? value, int maxLength, bool required = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? Add(field, "is required.") : this;
        }

        if (value.Length > maxLength || !value.All(char.IsAsciiDigit))
        {
            Add(field, $"must be digits only, at most {maxLength}.");
        }

        return this;
    }

    public FieldErrors Range(string field, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}.");
        }

        return this;
    }

    public FieldErrors Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}.");
        }
        else if (value is { } m && decimal.Round(m, Money.Scale) != m)
        {
            Add(field, $"must have at most {Money.Scale} decimal places.");
        }

        return this;
    }

    public FieldErrors Currency(string field, string? value)
    {
        if (value is null || value.Length != 3 || !value.All(char.IsAsciiLetterUpper))
        {
            Add(field, "must be a three-letter ISO 4217 code in capitals, e.g. USD.");
        }

        return this;
    }

    public FieldErrors Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, $"must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNames.Of))}.");
        }

        return this;
    }

    /// <summary>Reads an enum query value by its JSON name (<c>counters_reset</c>); null when absent, a field error when unknown.</summary>
    public TEnum? EnumName<TEnum>(string field, string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNames.Of(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Add(field, $"must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNames.Of))}.");
        return null;
    }

    public FieldErrors AddressList(string field, IReadOnlyList<string>? values, int maxCount, bool required)
    {
        if (values is null || values.Count == 0)
        {
            return required ? Add(field, "needs at least one IP address or CIDR block.") : this;
        }

        if (values.Count > maxCount)
        {
            return Add(field, $"must hold at most {maxCount} entries.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !CidrBlock.TryParse(values[i], out _))
            {
                Add($"{field}[{i}]", "must be an IPv4/IPv6 address or CIDR block, e.g. 203.0.113.0/24.");
            }
        }

        return this;
    }

    public FieldErrors SipCodes(string field, IReadOnlyList<int>? codes)
    {
        if (codes is null)
        {
            return this;
        }

        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] is < 300 or > 699)
            {
                Add($"{field}[{i}]", "must be a SIP final failure code between 300 and 699.");
            }
        }

        return this;
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            Copy(),
            title: "One or more fields are invalid.");

    /// <summary>The same field errors as a 422: well-formed values this caller or this state refuses.</summary>
    public UnprocessableProblem ToRefusal(string title = "One or more fields are refused.") =>
        new(new HttpValidationProblemDetails(Copy()) { Title = title });

    /// <summary>The same field errors as a 409: values that collide with other rows.</summary>
    public ConflictProblem ToConflict(string title) =>
        new(new HttpValidationProblemDetails(Copy()) { Title = title });

    private Dictionary<string, string[]> Copy() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
