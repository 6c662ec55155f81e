using Microsoft.Extensions.Logging;

namespace Softswitch.Switch.Cdrs;

/// <summary>
/// The spool's single writer: group commits, segment rotation, and surviving a disk that refuses writes. Only the
/// writer thread touches these fields, except under <see cref="_segmentsGate"/> where the drain shares them.
/// </summary>
/// <remarks>
/// The writer is a thread of its own, not a loop on the thread pool. A call's final response waits for its commit, and
/// when the pool's queue holds a backlog every hop through it costs that whole backlog: as pool work the writer paid
/// two (a wake-up and the end of the commit window) before each fsync, enough under a burst to push answers to BYE past
/// T1 and have every caller retransmit (RFC 3261 §17.1.2.2), which deepened the backlog. Its waits are signals from
/// the appending threads and, for the commit window, a timer of the spool's clock (timers fire ahead of queued work).
/// </remarks>
public sealed partial class CdrSpool
{
    // Calls journalled and not yet final, by CDR id; re-journalled at the head of each new segment. The record, not its
    // encoded frame, is kept: a held call costs its few hundred bytes of snapshot, and only a rotation encodes again.
    private readonly Dictionary<string, CallDetailRecord> _openCalls = new(StringComparer.Ordinal);
    private readonly SpoolFrameWriter _frames = new();
    private readonly Lock _appendGate = new();
    private readonly ManualResetEventSlim _appended = new(false, spinCount: 0);

    // Set when a full batch waits or the spool stops: ends a commit window early.
    private readonly ManualResetEventSlim _hurry = new(false, spinCount: 0);

    // Cancelled, never disposed, when the spool stops: ends a fault's retry delay early.
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _appendsClosed;
    private int _pendingAppends;
    private SpoolSegment _active;
    private Stream _activeStream;

    // Bytes of the active segment known to be on disk; a failed write is cut back to here before it is retried.
    private long _durableLength;
    private bool _broken;

    private void Enqueue(PendingAppend append)
    {
        lock (_appendGate)
        {
            if (_appendsClosed)
            {
                throw new ObjectDisposedException(nameof(CdrSpool), "The CDR spool has been stopped.");
            }

            _appends.Enqueue(append);
        }

        if (Interlocked.Increment(ref _pendingAppends) >= _options.BatchSize)
        {
            _hurry.Set();
        }

        _appended.Set();
    }

    /// <summary>No append is accepted after this; the writer commits what is queued and ends.</summary>
    private void CloseAppends()
    {
        lock (_appendGate)
        {
            _appendsClosed = true;
        }

        _stopping.Cancel();
        _hurry.Set();
        _appended.Set();
    }

    private void WriteLoop()
    {
        var batch = new List<PendingAppend>(_options.BatchSize);
        long lastCommit = 0;
        while (WaitForAppends())
        {
            try
            {
                WaitForCommitWindow(lastCommit);
                while (batch.Count < _options.BatchSize && _appends.TryDequeue(out var append))
                {
                    Interlocked.Decrement(ref _pendingAppends);
                    batch.Add(append);
                }

                lastCommit = _time.GetTimestamp();
                if (Commit(batch))
                {
                    Publish(batch);
                }

                RotateIfFull();
            }
            catch (Exception ex)
            {
                // The writer's loop boundary: a defect here must not leave every later call waiting on a dead loop.
                LogWriterFailed(_logger, ex);
                LoseBatch(batch.Where(a => !a.Done.Task.IsCompleted).ToList());
            }
            finally
            {
                batch.Clear();
            }
        }

        _writerDone.TrySetResult();
    }

    /// <summary>Blocks until an append is queued; false once appends are closed and every one is taken.</summary>
    private bool WaitForAppends()
    {
        while (true)
        {
            // Closed is read before the queue: once it is seen, no append can join an empty queue.
            var closed = Volatile.Read(ref _appendsClosed);
            if (!_appends.IsEmpty)
            {
                return true;
            }

            if (closed)
            {
                return false;
            }

            _appended.Wait();
            _appended.Reset();
        }
    }

    /// <summary>
    /// Group commit: the next fsync waits out the window that began with the previous one, unless a full batch
    /// waits (<see cref="Enqueue"/> cuts the wait short when one fills up).
    /// </summary>
    private void WaitForCommitWindow(long lastCommit)
    {
        if (lastCommit == 0 || _options.CommitWindow == TimeSpan.Zero)
        {
            return;
        }

        var remaining = _options.CommitWindow - _time.GetElapsedTime(lastCommit);
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        // Reset before the checks, so a full batch or the stop signalled after them still ends the wait.
        _hurry.Reset();
        if (!_disposing && Volatile.Read(ref _pendingAppends) < _options.BatchSize)
        {
            using var timer = _time.CreateTimer(static hurry => ((ManualResetEventSlim)hurry!).Set(), _hurry, remaining, Timeout.InfiniteTimeSpan);
            _hurry.Wait();
        }
    }

    /// <summary>
    /// Appends and fsyncs <paramref name="batch"/>, retrying with backoff while the disk refuses. Returns false only
    /// when the spool is stopping and the batch could still not be written (then each record is logged as lost).
    /// </summary>
    private bool Commit(List<PendingAppend> batch)
    {
        var delay = _options.FaultRetryDelay;
        while (true)
        {
            try
            {
                WriteDurably(batch);
                if (_faulted)
                {
                    _faulted = false;
                    LogDiskRecovered(_logger, _active.Path);
                }

                return true;
            }
            catch (Exception ex)
            {
                // The writer's loop boundary: whatever the file system throws, the writer lives and retries.
                _broken = true;
                Counters.CommitFailed();
                if (!_faulted)
                {
                    _faulted = true;
                    LogDiskFailed(_logger, ex, _active.Path);
                }

                // Calls already up must still end cleanly: their records stay in this batch until the disk is back. That
                // includes appends queued behind the failed batch before they could see the fault: left in the queue,
                // they would wait for the disk (their BYEs unanswered), since this loop retries before reading again.
                while (_appends.TryDequeue(out var queued))
                {
                    Interlocked.Decrement(ref _pendingAppends);
                    batch.Add(queued);
                }

                batch.ForEach(LetGoUndurable);
            }

            if (_disposing)
            {
                LoseBatch(batch);
                return false;
            }

            try
            {
                Task.Delay(delay, _time, _stopping.Token).Wait();
            }
            catch (AggregateException) when (_stopping.IsCancellationRequested)
            {
                // Stopping while the disk still fails: one last try above, then the batch is reported lost.
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.FaultRetryMaxDelay.Ticks));
        }
    }

    private void WriteDurably(List<PendingAppend> batch)
    {
        if (_broken)
        {
            ReopenActiveSegment();
        }

        foreach (var append in batch)
        {
            _frames.Write(_activeStream, append.Kind, append.Record);
        }

        var started = _time.GetTimestamp();
        _storage.MakeDurable(_activeStream);
        _commitLatency?.Record(_time.GetElapsedTime(started).TotalMilliseconds);
        _durableLength = _activeStream.Length;
        Counters.Committed(batch.Count);
    }

    /// <summary>After a failed write the segment may end in a partial frame: reopen it and cut it back to what was durable.</summary>
    private void ReopenActiveSegment()
    {
        CloseActiveStream();
        var stream = _storage.Reopen(_active.Path);
        stream.SetLength(_durableLength);
        stream.Seek(0, SeekOrigin.End);
        _activeStream = stream;
        _broken = false;
    }

    private void Publish(List<PendingAppend> batch)
    {
        var segment = _active;
        lock (_segmentsGate)
        {
            segment.Unconfirmed += batch.Count(a => a.Kind == SpoolEntryKind.Final);
        }

        foreach (var append in batch)
        {
            if (append.Kind == SpoolEntryKind.Journal)
            {
                _openCalls[append.Record.Id] = append.Record;
            }
            else
            {
                _openCalls.Remove(append.Record.Id);
                Interlocked.Increment(ref _pendingStores);
                _drain.Writer.TryWrite((append.Record, segment));
            }

            append.Done.TrySetResult();
        }
    }

    /// <summary>Seals the active segment and starts the next one with the journal entries of calls still open.</summary>
    private void RotateIfFull()
    {
        if (_broken || _activeStream.Length < _options.MaxSegmentBytes)
        {
            return;
        }

        var next = new SpoolSegment(Path.Combine(_options.Directory, SpoolSegment.FileName(_active.Sequence + 1)), _active.Sequence + 1);
        Stream? stream = null;
        try
        {
            stream = _storage.Create(next.Path);
            foreach (var record in _openCalls.Values)
            {
                _frames.Write(stream, SpoolEntryKind.Journal, record);
            }

            _storage.MakeDurable(stream);
        }
        catch (Exception ex)
        {
            // The active segment keeps growing; rotation is tried again after the next commit.
            Counters.RotateFailed();
            LogRotateFailed(_logger, ex, next.Path);
            Discard(stream, next.Path);
            return;
        }

        lock (_segmentsGate)
        {
            CloseActiveStream();
            _active.Sealed = true;
            DeleteIfDone(_active);
            (_active, _activeStream, _durableLength) = (next, stream, stream.Length);
        }
    }

    private void LetGoUndurable(PendingAppend append)
    {
        if (append.Done.TrySetResult())
        {
            Counters.AcknowledgeUndurable();
        }
    }

    private void LoseBatch(List<PendingAppend> batch)
    {
        Counters.LoseRecords(batch.Count);
        foreach (var append in batch)
        {
            LogRecordLost(_logger, append.Kind, append.Record.TenantId, append.Record.Id);
            append.Done.TrySetResult();
        }
    }

    private void CloseActiveStream()
    {
        try
        {
            _activeStream.Dispose();
        }
        catch (IOException ex)
        {
            // Disposing flushes the buffer, which fails again on a full disk; what it held is cut off on reopen.
            LogCloseFailed(_logger, ex, _active.Path);
        }
    }

    private void Discard(Stream? stream, string path)
    {
        try
        {
            stream?.Dispose();
            File.Delete(path);
        }
        catch (IOException ex)
        {
            LogCloseFailed(_logger, ex, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "CDR spool cannot write {Path}: new calls are refused until the disk accepts writes again")]
    private static partial void LogDiskFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDR spool writes to {Path} again; new calls are accepted")]
    private static partial void LogDiskRecovered(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the CDR spool segment {Path} failed; the current one grows until the next try")]
    private static partial void LogRotateFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the CDR spool file {Path} failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The CDR spool's writer failed on a batch")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "CDR spool could not write the {Kind} record of tenant {TenantId}, CDR {CdrId}")]
    private static partial void LogRecordLost(ILogger logger, SpoolEntryKind kind, string tenantId, string cdrId);
}
