namespace Softswitch.Sdk;

public enum SmtpTlsMode
{
    None,
    StartTls,
    SslOnConnect,
}
