using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Cdrs;

/// <summary>
/// The write-ahead spool between the call path and the CDR store. A CDR is appended to the current segment file
/// and fsynced before <see cref="WriteAsync"/> completes, with group commit: appends that arrive within one
/// <see cref="CdrSpoolOptions.CommitWindow"/> share one fsync. A background drain then sends batches to the
/// <see cref="ICdrStore"/> and deletes segments once all they hold is stored. A <c>kill -9</c> at any point therefore
/// loses no acknowledged CDR, and a call journalled but never finished becomes an interrupted CDR when the spool is
/// next opened. While the disk refuses writes the spool says so through <see cref="CanRecord"/> (admission then
/// refuses new calls), keeps retrying, and lets calls already up end.
/// </summary>
public sealed partial class CdrSpool : ICdrSink, IAsyncDisposable
{
    private readonly CdrSpoolOptions _options;
    private readonly ISpoolStorage _storage;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<PendingAppend> _appends = new();
    private readonly Channel<(CallDetailRecord Record, SpoolSegment Segment)> _drain =
        Channel.CreateUnbounded<(CallDetailRecord, SpoolSegment)>(new() { SingleReader = true, SingleWriter = true });

    // Cancelled, never disposed, when the spool stops: a drain still running after that must not find it disposed.
    private readonly CancellationTokenSource _storeWindowCut = new();
    private readonly Lock _segmentsGate = new();
    private volatile bool _faulted;
    private volatile bool _disposing;
    private Histogram<double>? _commitLatency;
    private int _pendingStores;
    private int _disposeStarted;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CdrSpool(CdrSpoolOptions options, ISpoolStorage storage, TimeProvider time, ILogger logger, long nextSequence)
    {
        _options = options;
        _storage = storage;
        _time = time;
        _logger = logger;
        _active = new SpoolSegment(Path.Combine(options.Directory, SpoolSegment.FileName(nextSequence)), nextSequence);
        _activeStream = storage.Create(_active.Path);
        new Thread(WriteLoop) { IsBackground = true, Name = "CDR spool writer" }.Start();
    }

    public CdrSpoolCounters Counters { get; } = new();

    /// <summary>False while the disk refuses the spool's writes: new calls must be refused, since they could not be recorded.</summary>
    public bool CanRecord => !_faulted;

    /// <summary>Records appended and not yet fsynced.</summary>
    public int PendingAppends => Volatile.Read(ref _pendingAppends);

    /// <summary>Durable final CDRs not yet handed to the store.</summary>
    public int PendingStores => Volatile.Read(ref _pendingStores);

    /// <summary>
    /// Opens the spool, replaying what a previous run left behind: final CDRs and interrupted calls are re-appended
    /// to a fresh segment (and fsynced) before the old files are deleted, then queued for the store like new ones.
    /// Replay is idempotent because the store skips CDR ids it already holds.
    /// </summary>
    public static CdrSpool Open(CdrSpoolOptions options, TimeProvider time, ILogger<CdrSpool> logger, ISpoolStorage? storage = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(options.Directory);
        var leftovers = Directory.EnumerateFiles(options.Directory, "*" + SpoolSegment.Extension)
            .Select(path => (Path: path, Ok: SpoolSegment.TryParseSequence(path, out var sequence), Sequence: sequence))
            .Where(f => f.Ok)
            .OrderBy(f => f.Sequence)
            .ToList();

        var spool = new CdrSpool(
            options, storage ?? DiskSpoolStorage.Instance, time, logger, leftovers.Count == 0 ? 1 : leftovers[^1].Sequence + 1);
        if (leftovers.Count > 0)
        {
            spool.Recover(leftovers.Select(f => f.Path).ToList());
        }

        return spool;
    }

    /// <summary>Records each group commit's fsync time, in milliseconds, on <paramref name="histogram"/> (the CDR meter's).</summary>
    public void ReportCommitLatencyTo(Histogram<double> histogram) => _commitLatency = histogram;

    public ValueTask JournalAsync(CallDetailRecord inProgress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inProgress);
        return AppendAsync(SpoolEntryKind.Journal, inProgress);
    }

    public ValueTask WriteAsync(CallDetailRecord final, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(final);
        if (final.EndAt is null || final.FinalCode == 0)
        {
            throw new ArgumentException("A final CDR needs its end time and final code.", nameof(final));
        }

        return AppendAsync(SpoolEntryKind.Final, final);
    }

    /// <summary>
    /// Sends spooled CDRs to <paramref name="store"/> in batches until the spool is disposed and emptied, or
    /// <paramref name="stoppingToken"/> fires. A failing store is retried after <see cref="CdrSpoolOptions.StoreRetryDelay"/>;
    /// nothing is dropped, so an outage only delays CDRs.
    /// </summary>
    public async Task DrainAsync(ICdrStore store, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var batch = new List<(CallDetailRecord Record, SpoolSegment Segment)>(_options.BatchSize);
        while (await _drain.Reader.WaitToReadAsync(stoppingToken))
        {
            await WaitForStoreWindowAsync(stoppingToken);
            while (batch.Count < _options.BatchSize && _drain.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            Interlocked.Add(ref _pendingStores, -batch.Count);

            await StoreWithRetryAsync(store, batch.Select(b => b.Record).ToList(), stoppingToken);
            lock (_segmentsGate)
            {
                foreach (var segment in batch.GroupBy(b => b.Segment))
                {
                    segment.Key.Unconfirmed -= segment.Count();
                    DeleteIfDone(segment.Key);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Lets CDRs gather into one batch for the store, unless a full batch waits or the spool is stopping.</summary>
    private async ValueTask WaitForStoreWindowAsync(CancellationToken stoppingToken)
    {
        if (_options.StoreWindow == TimeSpan.Zero || _disposing || Volatile.Read(ref _pendingStores) >= _options.BatchSize)
        {
            return;
        }

        using var cut = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _storeWindowCut.Token);
        try
        {
            await Task.Delay(_options.StoreWindow, _time, cut.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The spool is stopping: store what is queued now.
        }
    }

    /// <summary>
    /// Stops accepting records, waits for pending appends to be fsynced and closes the files. CDRs not yet stored stay
    /// in the spool for the next start; a running <see cref="DrainAsync"/> finishes the queue and returns. While the
    /// disk is failing, pending appends get one more try each and are then logged as lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            // The host stops the spool, then its container disposes it: the second call only waits for the first.
            await _closed.Task;
            return;
        }

        _disposing = true;
        await _storeWindowCut.CancelAsync();
        CloseAppends();
        await _writerDone.Task;
        lock (_segmentsGate)
        {
            _active.Sealed = true;
            _active.KeepForRecovery = _openCalls.Count > 0;
            CloseActiveStream();
            DeleteIfDone(_active);
        }

        _drain.Writer.TryComplete();
        _closed.TrySetResult();
    }

    private ValueTask AppendAsync(SpoolEntryKind kind, CallDetailRecord record)
    {
        var append = new PendingAppend(kind, record);
        Enqueue(append);

        if (_faulted)
        {
            LetGoUndurable(append);
        }

        return new ValueTask(append.Done.Task);
    }

    private void Recover(List<string> paths)
    {
        var finals = new Dictionary<string, CallDetailRecord>(StringComparer.Ordinal);
        var open = new Dictionary<string, CallDetailRecord>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            foreach (var (kind, record) in SpoolFrame.ReadAll(stream, offset => LogTornTail(_logger, path, offset)))
            {
                if (kind == SpoolEntryKind.Final)
                {
                    finals[record.Id] = record;
                    open.Remove(record.Id);
                }
                else if (!finals.ContainsKey(record.Id))
                {
                    open[record.Id] = record;
                }
            }
        }

        var replay = finals.Values.Concat(open.Values.Select(r => r.AsInterrupted())).ToList();
        var frames = new SpoolFrameWriter();
        foreach (var record in replay)
        {
            frames.Write(_activeStream, SpoolEntryKind.Final, record);
        }

        _storage.MakeDurable(_activeStream);
        _durableLength = _activeStream.Length;
        _active.Unconfirmed = replay.Count;
        foreach (var record in replay)
        {
            Interlocked.Increment(ref _pendingStores);
            _drain.Writer.TryWrite((record, _active));
        }

        // Only now that every record is safe in the new segment may the old files go.
        paths.ForEach(File.Delete);
        LogRecovered(_logger, finals.Count, open.Count, paths.Count);
    }

    private async Task StoreWithRetryAsync(ICdrStore store, IReadOnlyList<CallDetailRecord> records, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await store.StoreAsync(records, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogStoreFailed(_logger, ex, records.Count, _options.StoreRetryDelay);
                await Task.Delay(_options.StoreRetryDelay, _time, stoppingToken);
            }
        }
    }

    private void DeleteIfDone(SpoolSegment segment)
    {
        if (!segment.CanDelete)
        {
            return;
        }

        try
        {
            File.Delete(segment.Path);
        }
        catch (IOException ex)
        {
            // The file stays and is replayed (idempotently) at the next start; the drain goes on.
            LogDeleteFailed(_logger, ex, segment.Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDR spool {Path} ends in a torn record at offset {Offset}; the rest of the file is skipped")]
    private static partial void LogTornTail(ILogger logger, string path, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDR spool replayed {Finals} final and {Interrupted} interrupted calls from {Files} files")]
    private static partial void LogRecovered(ILogger logger, int finals, int interrupted, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} CDRs failed; retrying in {Delay}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the stored CDR spool segment {Path} failed; it is replayed at the next start")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string path);

    private sealed record PendingAppend(SpoolEntryKind Kind, CallDetailRecord Record)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
