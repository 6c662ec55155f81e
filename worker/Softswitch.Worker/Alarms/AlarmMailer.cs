using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>Sends one alarm e-mail through the tenant's SMTP relay with MailKit; one connection per tenant and run.</summary>
public static class AlarmMailer
{
    /// <summary>Connect, TLS, authentication and each command: a relay that hangs costs one attempt, not the job.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static MimeMessage Compose(AlarmSettings settings, Alarm alarm, string ruleName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(alarm);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var recipient in settings.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = AlarmText.Subject(alarm, ruleName);
        message.MessageId = $"{alarm.Id}@softswitch.alarms";
        message.Body = new TextPart("plain") { Text = AlarmText.Body(alarm, ruleName) };
        return message;
    }

    public static async Task<SmtpClient> ConnectAsync(AlarmSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var security = settings.TlsMode switch
            {
                SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
                SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
