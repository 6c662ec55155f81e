namespace Softswitch.Switch.Config;

/// <summary>
/// Longest-prefix match of a callee against a tenant's route prefixes, one digit per level. Route prefixes are
/// digits only (the API enforces it); the empty prefix sits at the root and is the default route. A route with a
/// callee number group sits at its prefix followed by each of the group's prefixes, so a lookup stays one walk down
/// the trie however large the groups are.
/// </summary>
internal sealed class RouteTrie
{
    private readonly Node _root = new();

    /// <summary>
    /// Adds every route: plain ones first, so at the same length a plain prefix route beats a group route; then group
    /// routes in the order given (id order: the route created first keeps a number two groups share).
    /// </summary>
    public void AddAll(IEnumerable<RouteEntry> routes)
    {
        var list = routes as IReadOnlyCollection<RouteEntry> ?? [.. routes];
        foreach (var route in list.Where(r => r.CalleeGroupPrefixes is null))
        {
            Place(route, route.Prefix, "");
        }

        foreach (var route in list.Where(r => r.CalleeGroupPrefixes is not null))
        {
            foreach (var groupPrefix in route.CalleeGroupPrefixes!)
            {
                Place(route, route.Prefix, groupPrefix);
            }
        }
    }

    /// <summary>The route with the longest prefix that starts <paramref name="callee"/>, or null when none (not even a default) matches.</summary>
    public RouteEntry? Find(ReadOnlySpan<char> callee)
    {
        var node = _root;
        var best = node.Route;
        foreach (var c in callee)
        {
            if (!char.IsAsciiDigit(c) || node.Children[c - '0'] is not { } next)
            {
                break;
            }

            node = next;
            best = node.Route ?? best;
        }

        return best;
    }

    private void Place(RouteEntry route, string head, string tail)
    {
        var node = _root;
        foreach (var part in (ReadOnlySpan<string>)[head, tail])
        {
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return;
                }

                node = node.Children[c - '0'] ??= new Node();
            }
        }

        node.Route ??= route;
    }

    private sealed class Node
    {
        public Node?[] Children { get; } = new Node?[10];

        public RouteEntry? Route { get; set; }
    }
}
