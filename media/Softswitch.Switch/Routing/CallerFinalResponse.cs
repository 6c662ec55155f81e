namespace Softswitch.Switch.Routing;

/// <summary>
/// The status the caller gets when routing ends without an answer, in the spirit of RFC 3261 §16.7 step 6
/// (choosing the best response among a proxy's branches).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>No route for the callee: 404.</item>
/// <item>No INVITE was sent (every gateway disabled, full, or none listed): 503, the switch's own overload answer.</item>
/// <item>Any 6xx: that 6xx (global failures end the search, §16.7 step 5).</item>
/// <item>Otherwise the lowest class wins (3xx, then 4xx, then 5xx). Within 4xx, 401/407/415/420/484 first because
/// the caller can act on them (§16.7 step 6), then a response a gateway actually sent, then 408.</item>
/// <item>Every attempt timed out: 408. A timeout is what happened, and 408 maps to Q.850 102 "recovery on timer
/// expiry" (RFC 3398), which tells an upstream carrier to try another route; 480 would claim the callee was reached.</item>
/// <item>A chosen 503 becomes 500 (§16.7 step 6): a vendor's overload is not ours, and 503 would make the caller
/// back off from the whole switch.</item>
/// </list>
/// </remarks>
public static class CallerFinalResponse
{
    public const int NoRoute = 404;
    public const int NoGatewayAvailable = 503;

    private static readonly int[] Actionable = [401, 407, 415, 420, 484];

    public static int Choose(IReadOnlyList<int> attemptCodes)
    {
        ArgumentNullException.ThrowIfNull(attemptCodes);
        if (attemptCodes.Count == 0)
        {
            return NoGatewayAvailable;
        }

        foreach (var code in attemptCodes)
        {
            if (code >= 600)
            {
                return code;
            }
        }

        var lowestClass = attemptCodes.Min(c => c / 100);
        var inClass = attemptCodes.Where(c => c / 100 == lowestClass).ToList();
        var actionable = inClass.FirstOrDefault(c => Actionable.Contains(c));
        var chosen = actionable != 0 ? actionable : inClass.FirstOrDefault(c => c != 408, 408);
        return chosen == 503 ? 500 : chosen;
    }
}
