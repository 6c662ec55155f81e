namespace Softswitch.Sdk;

/// <summary>Replaces the alarm e-mail settings. Leaving <see cref="Password"/> null keeps the stored one; an empty string removes it. Defaults: port 587, start_tls.</summary>
public sealed class AlarmSettingsOptions
{
    public bool? EmailEnabled { get; init; }

    /// <summary>Required when email_enabled is true.</summary>
    public string? SmtpHost { get; init; }

    public int? SmtpPort { get; init; }

    public SmtpTlsMode? TlsMode { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>Required when email_enabled is true.</summary>
    public string? From { get; init; }

    /// <summary>Required (at least one address) when email_enabled is true.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }
}
