using System.Globalization;
using System.Text;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// The account line of baresip 1.0.0, as its accounts file and its <c>uanew</c> command take it:
/// <c>&lt;sip:USER@DOMAIN&gt;;auth_pass=PASS;outbound="sip:127.0.0.1:PORT;transport=udp";regint=SECONDS</c>.
/// The outbound URI is quoted because it holds a ';'. REGISTER goes to <c>sip:DOMAIN</c> with a Route to the proxy.
/// </summary>
internal static class BaresipAccountLine
{
    public static string Format(BaresipPhoneOptions options)
    {
        var line = new StringBuilder($"<sip:{options.User}@{options.Domain}>");
        if (options.Password is { } password)
        {
            line.Append($";auth_pass={password}");
        }

        var transport = options.Transport == BaresipTransport.Tcp ? "tcp" : "udp";
        line.Append($";outbound=\"sip:{options.OutboundProxy};transport={transport}\"");
        var interval = (int)(options.RegistrationInterval?.TotalSeconds ?? 0);
        line.Append(";regint=").Append(interval.ToString(CultureInfo.InvariantCulture));
        if (options.AutoAnswer)
        {
            line.Append(";answermode=auto");
        }

        return line.ToString();
    }
}
