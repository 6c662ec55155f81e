using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Routing;

/// <summary>
/// Chooses the gateways an admitted call is offered to, in order. Quality routing, LCR and the 3xx redirect client
/// will be other implementations (or decorators) of this.
/// </summary>
public interface ICallRouter
{
    RoutePlan Plan(CallOrigin origin, Random random);
}
