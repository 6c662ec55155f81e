namespace Softswitch.Domain;

/// <summary>A tenant's alarm e-mail: its SMTP server, sender and recipients. At most one row per tenant.</summary>
public class AlarmSettings : TenantEntity
{
    public const int HostMaxLength = 253;
    public const int UserNameMaxLength = 200;
    public const int PasswordMaxLength = 200;
    public const int AddressMaxLength = 254;
    public const int MaxRecipients = 20;

    public bool EmailEnabled { get; set; }

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTls;

    public string? UserName { get; set; }

    /// <summary>Stored to log in to the relay; never returned by the API.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "";

    public List<string> Recipients { get; set; } = [];
}
