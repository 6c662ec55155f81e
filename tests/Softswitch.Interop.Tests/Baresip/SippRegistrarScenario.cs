namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// A SIPp scenario that plays a registrar for one phone: 200 OK to its REGISTER, then 200 OK to the un-REGISTER it
/// sends on quit (same Call-ID, so the same SIPp call), echoing the Contact with the expiry the phone asked for.
/// </summary>
internal static class SippRegistrarScenario
{
    public const string Xml = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="One phone's registrar">
          <recv request="REGISTER" />
          <send>
            <![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        [last_Contact:]
        Content-Length: 0

            ]]>
          </send>
          <recv request="REGISTER" />
          <send>
            <![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

            ]]>
          </send>
        </scenario>
        """;
}
