namespace Softswitch.Sdk.Webhooks;

/// <summary>A webhook delivery whose headers or signature do not prove it came from Softswitch: answer it 400.</summary>
public sealed class WebhookVerificationException : Exception
{
    public WebhookVerificationException(string message)
        : base(message)
    {
    }

    public WebhookVerificationException()
    {
    }

    public WebhookVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
