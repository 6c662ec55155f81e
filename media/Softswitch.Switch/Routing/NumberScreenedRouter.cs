using Softswitch.Switch.Calls;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Routing;

/// <summary>
/// Leaves out of a plan every vendor whose number lists or rules refuse the call (issue 8 §3), as routing skips a full
/// vendor. When the route had vendors and every one refused, the plan carries the first refusal, which the caller gets.
/// Vendors see the caller and callee as the customer trunk's rewrite rules left them, before their own strip/add.
/// </summary>
public sealed class NumberScreenedRouter(ICallRouter inner, INumberPlanSource numbers) : ICallRouter
{
    public RoutePlan Plan(CallOrigin origin, Random random)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return Screen(inner.Plan(origin, random), origin, numbers);
    }

    /// <summary>Leaves out the vendors of <paramref name="plan"/> whose number lists or rules refuse the call.</summary>
    public static RoutePlan Screen(RoutePlan plan, CallOrigin origin, INumberPlanSource numbers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(numbers);
        if (!plan.Attempts.Any(a => a.Gateway.Screening.HasLists || a.Gateway.Screening.HasRules))
        {
            return plan;
        }

        var caller = origin.Gateway?.RewriteCaller(origin.Caller) ?? origin.Caller;
        var tenant = numbers.Current.For(origin.Tenant.TenantId);
        var kept = new List<RouteAttempt>(plan.Attempts.Count);
        NumberRefusal? first = null;
        foreach (var attempt in plan.Attempts)
        {
            var refusal = attempt.Gateway.Screening.Check(caller, plan.RoutedCallee, tenant);
            if (refusal.Refuses)
            {
                first ??= refusal;
            }
            else
            {
                kept.Add(attempt);
            }
        }

        return kept.Count == plan.Attempts.Count ? plan : plan with { Attempts = kept, Refusal = kept.Count == 0 ? first : null };
    }
}
