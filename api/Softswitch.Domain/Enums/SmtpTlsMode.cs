namespace Softswitch.Domain;

/// <summary>How the alarm mailer secures its SMTP connection.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain SMTP (a relay on a private network or loopback).</summary>
    None,

    /// <summary>STARTTLS is required (RFC 3207), usually on port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte (RFC 8314 implicit TLS), usually on port 465.</summary>
    SslOnConnect,
}
