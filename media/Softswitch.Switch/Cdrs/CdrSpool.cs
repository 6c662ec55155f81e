using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Cdrs;

/// <summary>
/// The write-ahead spool between the call path and the CDR store. A CDR is appended to the current segment file
/// and fsynced (appends that arrive together share one fsync) before <see cref="WriteAsync"/> completes; a
/// background drain then sends batches to the <see cref="ICdrStore"/> and deletes segments once all they hold is
/// stored. A <c>kill -9</c> at any point therefore loses no acknowledged CDR, and a call journalled but never
/// finished becomes an interrupted CDR when the spool is next opened.
/// </summary>
public sealed partial class CdrSpool : ICdrSink, IAsyncDisposable
{
    private readonly CdrSpoolOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Channel<(CallDetailRecord Record, SpoolSegment Segment)> _drain =
        Channel.CreateUnbounded<(CallDetailRecord, SpoolSegment)>(new() { SingleReader = true, SingleWriter = true });

    // Calls journalled and not yet final, by CDR id; re-journalled at the head of each new segment. Writer loop only.
    private readonly Dictionary<string, byte[]> _openCalls = new(StringComparer.Ordinal);
    private readonly Lock _segmentsGate = new();
    private readonly Task _writer;
    private SpoolSegment _active;
    private FileStream _activeStream;

    private CdrSpool(CdrSpoolOptions options, TimeProvider time, ILogger logger, long nextSequence)
    {
        _options = options;
        _time = time;
        _logger = logger;
        (_active, _activeStream) = CreateSegment(nextSequence);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Opens the spool, replaying what a previous run left behind: final CDRs and interrupted calls are re-appended
    /// to a fresh segment (and fsynced) before the old files are deleted, then queued for the store like new ones.
    /// Replay is idempotent because the store skips CDR ids it already holds.
    /// </summary>
    public static CdrSpool Open(CdrSpoolOptions options, TimeProvider time, ILogger<CdrSpool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(options.Directory);
        var leftovers = Directory.EnumerateFiles(options.Directory, "*" + SpoolSegment.Extension)
            .Select(path => (Path: path, Ok: SpoolSegment.TryParseSequence(path, out var sequence), Sequence: sequence))
            .Where(f => f.Ok)
            .OrderBy(f => f.Sequence)
            .ToList();

        var spool = new CdrSpool(options, time, logger, leftovers.Count == 0 ? 1 : leftovers[^1].Sequence + 1);
        if (leftovers.Count > 0)
        {
            spool.Recover(leftovers.Select(f => f.Path).ToList());
        }

        return spool;
    }

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
            while (batch.Count < _options.BatchSize && _drain.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

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

    /// <summary>
    /// Stops accepting records, waits for pending appends to be fsynced and closes the files. CDRs not yet stored stay
    /// in the spool for the next start; a running <see cref="DrainAsync"/> finishes the queue and returns.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _writer;
        lock (_segmentsGate)
        {
            _active.Sealed = true;
            _active.KeepForRecovery = _openCalls.Count > 0;
            _activeStream.Dispose();
            DeleteIfDone(_active);
        }

        _drain.Writer.TryComplete();
    }

    private ValueTask AppendAsync(SpoolEntryKind kind, CallDetailRecord record)
    {
        var append = new PendingAppend(kind, record, SpoolFrame.Encode(kind, record));
        if (!_appends.Writer.TryWrite(append))
        {
            throw new ObjectDisposedException(nameof(CdrSpool), "The CDR spool has been stopped.");
        }

        return new ValueTask(append.Done.Task);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(_options.BatchSize);
        while (await _appends.Reader.WaitToReadAsync())
        {
            while (batch.Count < _options.BatchSize && _appends.Reader.TryRead(out var append))
            {
                batch.Add(append);
            }

            try
            {
                foreach (var append in batch)
                {
                    _activeStream.Write(append.Frame);
                }

                _activeStream.Flush(flushToDisk: true);
            }
            catch (IOException ex)
            {
                LogAppendFailed(_logger, ex, batch.Count, _active.Path);
                batch.ForEach(a => a.Done.TrySetException(ex));
                batch.Clear();
                continue;
            }

            var segment = _active;
            lock (_segmentsGate)
            {
                segment.Unconfirmed += batch.Count(a => a.Kind == SpoolEntryKind.Final);
            }

            foreach (var append in batch)
            {
                if (append.Kind == SpoolEntryKind.Journal)
                {
                    _openCalls[append.Record.Id] = append.Frame;
                }
                else
                {
                    _openCalls.Remove(append.Record.Id);
                    _drain.Writer.TryWrite((append.Record, segment));
                }

                append.Done.TrySetResult();
            }

            batch.Clear();
            if (_activeStream.Length >= _options.MaxSegmentBytes)
            {
                Rotate();
            }
        }
    }

    /// <summary>Seals the active segment and starts the next one with the journal entries of calls still open.</summary>
    private void Rotate()
    {
        var (next, stream) = CreateSegment(_active.Sequence + 1);
        foreach (var frame in _openCalls.Values)
        {
            stream.Write(frame);
        }

        stream.Flush(flushToDisk: true);
        lock (_segmentsGate)
        {
            _activeStream.Dispose();
            _active.Sealed = true;
            DeleteIfDone(_active);
            (_active, _activeStream) = (next, stream);
        }
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
        foreach (var record in replay)
        {
            _activeStream.Write(SpoolFrame.Encode(SpoolEntryKind.Final, record));
        }

        _activeStream.Flush(flushToDisk: true);
        _active.Unconfirmed = replay.Count;
        foreach (var record in replay)
        {
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

    private (SpoolSegment Segment, FileStream Stream) CreateSegment(long sequence)
    {
        var path = Path.Combine(_options.Directory, SpoolSegment.FileName(sequence));
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        return (new SpoolSegment(path, sequence), stream);
    }

    private static void DeleteIfDone(SpoolSegment segment)
    {
        if (segment.CanDelete)
        {
            File.Delete(segment.Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} CDR spool records to {Path} failed")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDR spool {Path} ends in a torn record at offset {Offset}; the rest of the file is skipped")]
    private static partial void LogTornTail(ILogger logger, string path, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDR spool replayed {Finals} final and {Interrupted} interrupted calls from {Files} files")]
    private static partial void LogRecovered(ILogger logger, int finals, int interrupted, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} CDRs failed; retrying in {Delay}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    private sealed record PendingAppend(SpoolEntryKind Kind, CallDetailRecord Record, byte[] Frame)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
