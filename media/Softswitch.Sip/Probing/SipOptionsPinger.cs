using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Probing;

/// <summary>
/// Sends OPTIONS to each target every <c>interval</c> through the transaction layer and reports up/down changes.
/// Any response from the peer counts as up (even 4xx: it answered); a transaction timeout or transport failure counts
/// as down. Driven by a <see cref="TimeProvider"/> timer; at most one probe per target is in flight.
/// </summary>
public sealed class SipOptionsPinger : IDisposable
{
    private readonly SipTransactionLayer _layer;
    private readonly IReadOnlyList<SipOptionsTarget> _targets;
    private readonly SipNameAddress _from;
    private readonly Dictionary<SipOptionsTarget, bool?> _status = [];
    private readonly HashSet<SipOptionsTarget> _inFlight = [];
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private uint _sequence;

    public SipOptionsPinger(SipTransactionLayer layer, IEnumerable<SipOptionsTarget> targets, SipNameAddress from, TimeSpan interval)
    {
        _layer = layer;
        _targets = targets.ToList();
        _from = from;
        foreach (var target in _targets)
        {
            _status[target] = null;
        }

        _timer = layer.TimeProvider.CreateTimer(static s => ((SipOptionsPinger)s!).ProbeAll(), this, TimeSpan.Zero, interval);
    }

    /// <summary>Raised on the first result for a target and whenever it flips between up and down.</summary>
    public event Action<SipOptionsStatus>? StatusChanged;

    public bool? IsUp(SipOptionsTarget target)
    {
        lock (_gate)
        {
            return _status.GetValueOrDefault(target);
        }
    }

    private void ProbeAll()
    {
        foreach (var target in _targets)
        {
            lock (_gate)
            {
                if (!_inFlight.Add(target))
                {
                    continue;
                }
            }

            var request = SipRequest.Create(SipMethods.Options, target.Uri, _from.WithTag(SipIdentifiers.NewTag()),
                new SipNameAddress { Uri = target.Uri }, SipIdentifiers.NewCallId(_layer.Transport.LocalEndPoint.Address.ToString()),
                Interlocked.Increment(ref _sequence));
            var transaction = _layer.SendRequest(request, target.Destination);
            _ = transaction.FinalResponse.ContinueWith(
                (task, state) => ((SipOptionsPinger)state!).Record(target, task.Result),
                this,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void Record(SipOptionsTarget target, SipResponse response)
    {
        var up = !response.IsLocal;
        bool changed;
        lock (_gate)
        {
            _inFlight.Remove(target);
            changed = _status[target] != up;
            _status[target] = up;
        }

        if (changed)
        {
            StatusChanged?.Invoke(new SipOptionsStatus(target, up, response.StatusCode));
        }
    }

    public void Dispose() => _timer.Dispose();
}
