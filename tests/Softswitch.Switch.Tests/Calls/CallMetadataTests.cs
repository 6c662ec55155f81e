using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>The caller's INVITE headers a tenant chose, copied into its call's record (issue 10 §1 metadata).</summary>
public sealed class CallMetadataTests
{
    [Fact]
    public void Copies_the_first_value_of_each_chosen_header_under_the_chosen_name()
    {
        var invite = Invite();
        invite.Headers.Add("x-crm-id", "4711");
        invite.Headers.Add("X-Crm-Id", "second");
        invite.Headers.Add("Subject", "sales");

        var metadata = CallMetadata.Capture(invite, ["X-Crm-Id", "Subject", "X-Absent"]);

        Assert.Equal(new Dictionary<string, string> { ["X-Crm-Id"] = "4711", ["Subject"] = "sales" }, metadata);
    }

    [Fact]
    public void A_long_value_is_cut_and_an_invite_without_the_headers_has_none()
    {
        var invite = Invite();
        invite.Headers.Add("X-Note", new string('n', 1_000));

        Assert.Equal(CallMetadata.MaxValueLength, CallMetadata.Capture(invite, ["X-Note"])!["X-Note"].Length);
        Assert.Null(CallMetadata.Capture(Invite(), ["X-Note"]));
        Assert.Null(CallMetadata.Capture(invite, []));
    }

    private static SipRequest Invite() => SipRequest.Create(
        SipMethods.Invite,
        SipUri.Parse("sip:4420@switch.example.net"),
        SipNameAddress.Parse("<sip:100@trunk.example.net>;tag=a"),
        SipNameAddress.Parse("<sip:4420@switch.example.net>"),
        "call-1@trunk",
        1);
}
