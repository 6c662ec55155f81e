using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>
/// Lowers this process's soft RLIMIT_NOFILE for the life of the object and fills every free descriptor below it, so
/// the next accept(2) fails with EMFILE. Disposing frees the descriptors and restores the limit.
/// </summary>
internal sealed class OpenFileLimit : IDisposable
{
    private const int MaxFillers = 4096;
    private readonly ulong _originalSoft;
    private readonly List<FileStream> _fillers = [];

    private OpenFileLimit(ulong originalSoft) => _originalSoft = originalSoft;

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
        var (soft, _) = DescriptorLimit.TryRead() ?? throw new InvalidOperationException("getrlimit failed.");
        var highest = Directory.GetFiles("/proc/self/fd").Select(path => ulong.Parse(Path.GetFileName(path))).Max();
        Check(DescriptorLimit.TrySetSoft(highest + 8));
        var limit = new OpenFileLimit(soft);
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
        Check(DescriptorLimit.TrySetSoft(_originalSoft));
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

    private static void Check(bool set)
    {
        if (!set)
        {
            throw new InvalidOperationException("setrlimit failed.");
        }
    }
}
