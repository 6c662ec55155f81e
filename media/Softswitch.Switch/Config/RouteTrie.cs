namespace Softswitch.Switch.Config;

/// <summary>
/// Longest-prefix match of a callee against a tenant's route prefixes, one digit per level. Route prefixes are
/// digits only (the API enforces it); the empty prefix sits at the root and is the default route.
/// </summary>
internal sealed class RouteTrie
{
    private readonly Node _root = new();

    public void Add(RouteEntry route)
    {
        var node = _root;
        foreach (var c in route.Prefix)
        {
            if (!char.IsAsciiDigit(c))
            {
                return;
            }

            node = node.Children[c - '0'] ??= new Node();
        }

        node.Route = route;
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

    private sealed class Node
    {
        public Node?[] Children { get; } = new Node?[10];

        public RouteEntry? Route { get; set; }
    }
}
