using System.Net;
using Softswitch.Domain.Fraud;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// The scanner honeypot (issue 8 §4): the called numbers of INVITEs that got their source banned as a scanner. Such
/// numbers are what toll-fraud rings test (premium and IRSF ranges); a tenant opts in to refusing calls to them with
/// a <c>ScannerDestinations</c> rule. At most <see cref="Capacity"/> numbers are held, in the order they were last
/// dialled, so making room (the number dialled longest ago goes) and moving a number costs O(1); a number not dialled
/// within the retention is gone. Each recorded dial goes to the sink (stored off the call path); numbers stored
/// before a restart or by another switch come back through <see cref="Merge"/>, forgotten ones go with
/// <see cref="Forget"/>.
/// </summary>
public sealed class ScannerHoneypot : IScannerDestinations
{
    public const int MaxNumberLength = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Dial>> _byNumber = new(StringComparer.Ordinal);
    private readonly LinkedList<Dial> _byTime = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly IScannerDestinationSink? _sink;

    public ScannerHoneypot(TimeProvider time, ScannerDestinationOptions options, IScannerDestinationSink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        Capacity = options.MaxNumbers;
        _retention = options.Retention;
        _sink = sink;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byNumber.Count;
            }
        }
    }

    /// <summary>A banned scanner dialled <paramref name="callee"/> from <paramref name="source"/>.</summary>
    public void Record(string callee, IPAddress source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(callee);
        if (callee.Length is 0 or > MaxNumberLength)
        {
            return;
        }

        Place(callee, at);
        _sink?.Dialled(callee, source, at);
    }

    /// <summary>A stored dial (from before a restart, or another switch's): kept when it is later than what is held.</summary>
    public void Merge(string number, DateTimeOffset lastDialled)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Length is > 0 and <= MaxNumberLength && lastDialled + _retention > _time.GetUtcNow())
        {
            Place(number, lastDialled);
        }
    }

    /// <summary>An operator forgot the number (a false positive): it goes, unless a scanner dialled it again since.</summary>
    public void Forget(string number, DateTimeOffset forgottenAt)
    {
        lock (_gate)
        {
            if (_byNumber.TryGetValue(number, out var node) && node.Value.At <= forgottenAt)
            {
                _byNumber.Remove(number);
                _byTime.Remove(node);
            }
        }
    }

    public DateTimeOffset? LastDialled(string callee)
    {
        DateTimeOffset at;
        lock (_gate)
        {
            if (!_byNumber.TryGetValue(callee, out var node))
            {
                return null;
            }

            at = node.Value.At;
        }

        return at + _retention > _time.GetUtcNow() ? at : null;
    }

    private void Place(string number, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_byNumber.TryGetValue(number, out var node))
            {
                if (node.Value.At >= at)
                {
                    return;
                }

                _byTime.Remove(node);
                node.Value = new Dial(number, at);
            }
            else
            {
                if (_byNumber.Count >= Capacity)
                {
                    if (_byTime.First!.Value.At > at)
                    {
                        return;
                    }

                    _byNumber.Remove(_byTime.First.Value.Number);
                    _byTime.RemoveFirst();
                }

                node = new LinkedListNode<Dial>(new Dial(number, at));
                _byNumber.Add(number, node);
            }

            InsertByTime(node);
        }
    }

    /// <summary>From the newest end: a fresh dial is placed at once, a stored one read at start walks back a little.</summary>
    private void InsertByTime(LinkedListNode<Dial> node)
    {
        var after = _byTime.Last;
        while (after is not null && after.Value.At > node.Value.At)
        {
            after = after.Previous;
        }

        if (after is null)
        {
            _byTime.AddFirst(node);
        }
        else
        {
            _byTime.AddAfter(after, node);
        }
    }

    private readonly record struct Dial(string Number, DateTimeOffset At);
}
