namespace Softswitch.Switch.Tests.Calls;

/// <summary>How a vendor answers the switch's INVITE: 200 with these contents, unless it only rings.</summary>
internal sealed record InviteAnswer
{
    /// <summary>Send 180 Ringing and never a final response (a phone nobody picks up).</summary>
    public bool RingOnly { get; init; }

    /// <summary>The final status; a failure carries no body.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Send 180 Ringing at once, in the same instant as the 200 that follows it.</summary>
    public bool RingFirst { get; init; }

    /// <summary>The Session-Expires value of the answer (RFC 4028), or none.</summary>
    public string? SessionExpires { get; init; }

    public byte[] Body { get; init; } = Sdp.VendorAnswer;
}
