using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>The seams later work hooks into: one crossing point for session descriptions, and routing behind an interface.</summary>
public sealed class CallSeamTests
{
    [Fact]
    public async Task Every_session_description_crosses_through_the_bridge_in_its_direction_and_the_bridge_decides_what_the_other_leg_sees()
    {
        var bridge = new RewritingBridge();
        await using var rig = new B2buaFixture(sessions: bridge);
        var (caller, ok) = await rig.ConnectAsync();

        var reinvite = caller.Request(SipMethods.Invite);
        reinvite.ContentType = Sdp.ContentType;
        reinvite.Body = Sdp.CallerOffer;
        var reinviteOk = await rig.Caller.SendAsync(caller, reinvite);
        await rig.Caller.AckAsync(caller, reinvite.CSeq.Number);

        Assert.Equal(
            [(SipMethods.Invite, SessionCrossing.CallerToVendor), ("200", SessionCrossing.VendorToCaller),
             (SipMethods.Invite, SessionCrossing.CallerToVendor), ("200", SessionCrossing.VendorToCaller)],
            bridge.Crossings);
        var atVendor = await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE at the vendor");
        Assert.StartsWith("crossed CallerToVendor", Encoding.ASCII.GetString(atVendor.Body.Span), StringComparison.Ordinal);
        Assert.StartsWith("crossed VendorToCaller", Encoding.ASCII.GetString(ok.Body.Span), StringComparison.Ordinal);
        Assert.StartsWith("crossed VendorToCaller", Encoding.ASCII.GetString(reinviteOk.Body.Span), StringComparison.Ordinal);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task Calls_are_routed_by_the_injected_router()
    {
        var router = new CountingRouter();
        await using var rig = new B2buaFixture(router: router);

        var (caller, _) = await rig.ConnectAsync();

        Assert.Equal(["442071234567"], router.Callees);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    private sealed class RewritingBridge : ISessionDescriptionBridge
    {
        private readonly Lock _gate = new();
        private readonly List<(string, SessionCrossing)> _crossings = [];

        public IReadOnlyList<(string Message, SessionCrossing Crossing)> Crossings
        {
            get
            {
                lock (_gate)
                {
                    return [.. _crossings];
                }
            }
        }

        public void Cross(string callId, SipMessage from, SipMessage to, SessionCrossing crossing)
        {
            if (from.Body.Length == 0)
            {
                return;
            }

            lock (_gate)
            {
                _crossings.Add((from is SipResponse response ? response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : ((SipRequest)from).Method, crossing));
            }

            to.ContentType = from.ContentType;
            to.Body = Encoding.ASCII.GetBytes($"crossed {crossing}\r\n" + Encoding.ASCII.GetString(from.Body.Span));
        }
    }

    private sealed class CountingRouter : ICallRouter
    {
        public List<string> Callees { get; } = [];

        public RoutePlan Plan(CallOrigin origin, Random random)
        {
            lock (Callees)
            {
                Callees.Add(origin.Callee);
            }

            return PrefixCallRouter.Instance.Plan(origin, random);
        }
    }
}
