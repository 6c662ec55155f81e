using System.Net;

namespace Softswitch.Switch.Fraud;

/// <summary>Where the honeypot's numbers are stored, off the call path: an implementation only queues.</summary>
public interface IScannerDestinationSink
{
    void Dialled(string number, IPAddress source, DateTimeOffset at);
}
