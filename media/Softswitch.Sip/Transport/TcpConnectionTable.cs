using System.Collections.Concurrent;
using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>Why a TCP connection was or was not taken into the table.</summary>
internal enum TcpAdmission
{
    Added,
    Duplicate,
    SourceFull,
    TableFull,
}

/// <summary>
/// The open TCP connections by remote end point, with the per-source and total limits that bound what an outsider
/// can make us hold. Lookups are lock-free; adds and removes take a lock so the counts stay exact.
/// </summary>
internal sealed class TcpConnectionTable(int maxTotal, int maxPerSource)
{
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _byRemote = new();
    private readonly Dictionary<IPAddress, int> _perSource = [];
    private readonly Lock _gate = new();

    public int Count => _byRemote.Count;

    public ICollection<SipTcpConnection> Connections => _byRemote.Values;

    public bool TryGet(IPEndPoint remote, out SipTcpConnection connection) => _byRemote.TryGetValue(remote, out connection!);

    public bool Contains(IPEndPoint remote) => _byRemote.ContainsKey(remote);

    public TcpAdmission TryAdd(SipTcpConnection connection)
    {
        var source = connection.RemoteEndPoint.Address;
        lock (_gate)
        {
            if (_byRemote.ContainsKey(connection.RemoteEndPoint))
            {
                return TcpAdmission.Duplicate;
            }

            if (_byRemote.Count >= maxTotal)
            {
                return TcpAdmission.TableFull;
            }

            _perSource.TryGetValue(source, out var fromSource);
            if (fromSource >= maxPerSource)
            {
                return TcpAdmission.SourceFull;
            }

            _perSource[source] = fromSource + 1;
            _byRemote[connection.RemoteEndPoint] = connection;
            return TcpAdmission.Added;
        }
    }

    /// <summary>Removes this very connection (not a newer one to the same end point); false when it was not there.</summary>
    public bool TryRemove(SipTcpConnection connection)
    {
        lock (_gate)
        {
            if (!_byRemote.TryRemove(new KeyValuePair<IPEndPoint, SipTcpConnection>(connection.RemoteEndPoint, connection)))
            {
                return false;
            }

            var source = connection.RemoteEndPoint.Address;
            var left = _perSource[source] - 1;
            if (left == 0)
            {
                _perSource.Remove(source);
            }
            else
            {
                _perSource[source] = left;
            }

            return true;
        }
    }

    /// <summary>Open connections from one address (for tests and monitoring).</summary>
    public int CountFrom(IPAddress source)
    {
        lock (_gate)
        {
            return _perSource.GetValueOrDefault(source);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byRemote.Clear();
            _perSource.Clear();
        }
    }
}
