namespace Softswitch.Sdk;

/// <summary>The tenant's alarm e-mail. The password is never returned: <see cref="HasPassword"/> says whether one is stored.</summary>
public sealed class AlarmSettings
{
    public required bool EmailEnabled { get; init; }

    public required string SmtpHost { get; init; }

    public required int SmtpPort { get; init; }

    public required SmtpTlsMode TlsMode { get; init; }

    public required string? UserName { get; init; }

    public required bool HasPassword { get; init; }

    public required string From { get; init; }

    public required IReadOnlyList<string> Recipients { get; init; }

    public required long Version { get; init; }
}
