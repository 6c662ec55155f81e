using Softswitch.Domain.Fraud;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The scanner honeypot (issue 8 §4): the called numbers of INVITEs that got their source banned as a scanner. Such
/// numbers are what toll-fraud rings test (premium and IRSF ranges); a tenant opts in to refusing calls to them with
/// a <c>ScannerDestinations</c> rule. Held in memory, at most <see cref="Capacity"/> numbers: when full, the number
/// dialled longest ago makes room.
/// </summary>
public sealed class ScannerHoneypot : IScannerDestinations
{
    public const int Capacity = 10_000;
    public const int MaxNumberLength = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _dialled = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _dialled.Count;
            }
        }
    }

    public void Record(string callee, DateTimeOffset at)
    {
        if (callee.Length is 0 or > MaxNumberLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_dialled.ContainsKey(callee) && _dialled.Count >= Capacity)
            {
                _dialled.Remove(_dialled.MinBy(d => d.Value).Key);
            }

            _dialled[callee] = at;
        }
    }

    public DateTimeOffset? LastDialled(string callee)
    {
        lock (_gate)
        {
            return _dialled.TryGetValue(callee, out var at) ? at : null;
        }
    }
}
