using System.Runtime.InteropServices;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>
/// Lowers this process's soft RLIMIT_NOFILE for the life of the object and fills every free descriptor below it, so
/// the next accept(2) fails with EMFILE. Disposing frees the descriptors and restores the limit.
/// </summary>
internal sealed class OpenFileLimit : IDisposable
{
    private const int ResourceOpenFiles = 7; // RLIMIT_NOFILE on Linux
    private const int MaxFillers = 4096;
    private readonly ResourceLimit _original;
    private readonly List<FileStream> _fillers = [];

    private OpenFileLimit(ResourceLimit original) => _original = original;

    /// <summary>
    /// Exhausts the descriptor table: the soft limit becomes the highest open descriptor plus a few. The runtime
    /// cannot start a thread without a descriptor (it fails with OutOfMemoryException, fatal on a pool thread), so
    /// the thread pool is first given idle workers enough for the short time the table stays full, and the timer
    /// thread is started.
    /// </summary>
    public static OpenFileLimit Exhaust()
    {
        StartIdleWorkers();
        Task.Delay(1).Wait();
        Check(GetLimit(ResourceOpenFiles, out var original), "getrlimit");
        var highest = Directory.GetFiles("/proc/self/fd").Select(path => ulong.Parse(Path.GetFileName(path))).Max();
        var lowered = original with { Current = highest + 8 };
        Check(SetLimit(ResourceOpenFiles, ref lowered), "setrlimit");
        var limit = new OpenFileLimit(original);
        try
        {
            limit.FillDescriptorTable();
        }
        catch
        {
            limit.Dispose();
            throw;
        }

        return limit;
    }

    public int Filled => _fillers.Count;

    public void Dispose()
    {
        _fillers.ForEach(filler => filler.Dispose());
        _fillers.Clear();
        var original = _original;
        Check(SetLimit(ResourceOpenFiles, ref original), "setrlimit");
    }

    private static void StartIdleWorkers()
    {
        const int Workers = 32;
        ThreadPool.GetMinThreads(out var minimumWorkers, out var minimumCompletion);
        ThreadPool.SetMinThreads(Math.Max(minimumWorkers, Workers), minimumCompletion);
        using var allStarted = new Barrier(Workers);
        var started = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => allStarted.SignalAndWait(TimeSpan.FromSeconds(10)))).ToArray();
        if (!Task.WaitAll(started, TimeSpan.FromSeconds(15)) || started.Any(task => !task.Result))
        {
            throw new InvalidOperationException($"The thread pool did not start {Workers} workers.");
        }
    }

    private void FillDescriptorTable()
    {
        while (_fillers.Count < MaxFillers)
        {
            try
            {
                _fillers.Add(new FileStream("/dev/null", FileMode.Open, FileAccess.Read));
            }
            catch (IOException)
            {
                return;
            }
        }

        throw new InvalidOperationException($"{MaxFillers} descriptors opened without reaching the lowered limit.");
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{call} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
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
