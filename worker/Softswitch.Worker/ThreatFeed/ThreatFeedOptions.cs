using System.ComponentModel.DataAnnotations;

namespace Softswitch.Worker.ThreatFeed;

/// <summary>
/// <c>Softswitch:ThreatFeed</c>: an optional list of scanner addresses in the APIBAN shape (<c>{"ipaddress":[…]}</c>),
/// from a file or an http(s) URL, imported as bans by a recurring job.
/// </summary>
public sealed class ThreatFeedOptions : IValidatableObject
{
    public const string Section = "Softswitch:ThreatFeed";

    /// <summary>A file path or an absolute http(s) URL; unset, no feed is imported.</summary>
    public string? Source { get; set; }

    /// <summary>Minutes between imports (a divisor of 60 keeps the schedule even; 60 is hourly).</summary>
    [Range(1, 60)]
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>How long a listed address stays banned after the last import that listed it.</summary>
    [Range(1, 720)]
    public int BanHours { get; set; } = 24;

    /// <summary>Addresses taken from one feed; the rest are ignored and logged.</summary>
    [Range(1, 1_000_000)]
    public int MaxAddresses { get; set; } = 100_000;

    /// <summary>The URL when <see cref="Source"/> is one; null for a file.</summary>
    public Uri? Url =>
        Uri.TryCreate(Source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Source is { } source && Url is null && (Uri.TryCreate(source, UriKind.Absolute, out var other) && !other.IsFile))
        {
            yield return new ValidationResult($"Source must be a file path or an http(s) URL, not '{source}'.", [nameof(Source)]);
        }
    }
}
