using System.Runtime.InteropServices;

namespace Softswitch.Sip.Transport;

/// <summary>
/// The process's open-file limit (RLIMIT_NOFILE) and what it leaves for TCP. A .NET process whose descriptor table
/// is full cannot even start a thread (the runtime throws OutOfMemoryException, fatal on a pool thread), so EMFILE
/// must never be reachable by opening connections: the switch raises its soft limit to the hard one at start, and
/// the TCP connection cap stays a reserve below it.
/// </summary>
public static class DescriptorLimit
{
    /// <summary>
    /// Descriptors kept for UDP sockets, spool and database files, the API's connections and the runtime: a quarter
    /// of the limit, at least <see cref="MinimumReserve"/> and at most <see cref="MaximumReserve"/>.
    /// </summary>
    public const int MinimumReserve = 256;

    public const int MaximumReserve = 1024;

    private const int ResourceOpenFiles = 7; // RLIMIT_NOFILE on Linux

    /// <summary>The TCP connection cap that fits under <paramref name="softLimit"/>: the configured one, or less.</summary>
    public static int TcpConnectionsWithin(int configured, ulong softLimit)
    {
        var reserve = Math.Clamp(softLimit / 4, MinimumReserve, MaximumReserve);
        var room = softLimit > reserve ? softLimit - reserve : 1;
        return (ulong)configured <= room ? configured : (int)Math.Min(room, int.MaxValue);
    }

    /// <summary>Raises the soft limit to the hard limit; the soft limit now in force, or null off Linux or when unreadable.</summary>
    public static ulong? RaiseToHardLimit()
    {
        if (!OperatingSystem.IsLinux() || TryRead() is not { } limit)
        {
            return null;
        }

        return limit.Soft < limit.Hard && TrySetSoft(limit.Hard) ? limit.Hard : limit.Soft;
    }

    /// <summary>The soft and hard limits, or null when getrlimit(2) fails.</summary>
    public static (ulong Soft, ulong Hard)? TryRead() =>
        GetLimit(ResourceOpenFiles, out var limit) == 0 ? (limit.Current, limit.Maximum) : null;

    /// <summary>Sets the soft limit, keeping the hard one; false when setrlimit(2) refuses.</summary>
    public static bool TrySetSoft(ulong soft)
    {
        if (GetLimit(ResourceOpenFiles, out var limit) != 0)
        {
            return false;
        }

        var changed = limit with { Current = soft };
        return SetLimit(ResourceOpenFiles, ref changed) == 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private record struct ResourceLimit(ulong Current, ulong Maximum);

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, which this project does not allow.
    [DllImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetLimit(int resource, out ResourceLimit limit);

    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetLimit(int resource, ref ResourceLimit limit);
}
