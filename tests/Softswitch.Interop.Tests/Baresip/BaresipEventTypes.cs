namespace Softswitch.Interop.Tests.Baresip;

/// <summary>The <c>type</c> values of the ctrl_tcp events that tests wait for.</summary>
public static class BaresipEventTypes
{
    public const string RegisterOk = "REGISTER_OK";
    public const string RegisterFail = "REGISTER_FAIL";
    public const string CallEstablished = "CALL_ESTABLISHED";
    public const string CallClosed = "CALL_CLOSED";
}
